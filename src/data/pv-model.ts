/**
 * Schema of `data/pv-model.json`: the constants of the PVWatts v8-class PV model (solar position, Perez sky,
 * module, cell temperature, cover, inverter, self-shading). Provenance of every number: `data/pv-model.meta.json`.
 */
import { z } from "zod";

const num = z.number().finite();
const positive = num.positive();
const nonNegative = num.nonnegative();
const fraction = num.min(0).max(1);

const periodicTerm = z.object({ periodDays: positive, amplitudeRad: num, phaseRad: num }).strict();

const deltaTSegment = z
  .object({ fromYear: z.number().int(), toYear: z.number().int(), baseYear: z.number().int(), coefficientsS: z.array(num).min(1) })
  .strict()
  .refine((s) => s.fromYear <= s.toYear, { message: "fromYear must be <= toYear" });

const SunPositionSchema = z
  .object({
    epochJulianDay: positive,
    heliocentricLongitude: z.object({ daysPerRadian: positive, offsetRad: num, terms: z.array(periodicTerm).min(1) }).strict(),
    radiusVector: z.object({ meanAu: positive, periodDays: positive, amplitudeAu: num, phaseRad: num }).strict(),
    nutationLongitude: periodicTerm,
    trueObliquity: z
      .object({ slopeRadPerDay: num, offsetRad: num, periodDays: positive, amplitudeRad: num, phaseRad: num })
      .strict(),
    aberrationRad: num,
    equatorialParallaxRad: nonNegative,
    siderealTime: z
      .object({
        j2000JulianDay: positive,
        daysPerJulianCentury: positive,
        offsetDeg: num,
        rateDegPerDay: positive,
        quadraticDegPerCentury2: num,
        cubicCenturies3PerDeg: positive,
        riseSetRateDegPerDay: positive,
      })
      .strict(),
    earth: z.object({ polarToEquatorialRadiusRatio: fraction, equatorialRadiusM: positive }).strict(),
    refraction: z
      .object({
        referencePressureMbar: positive,
        referenceTemperatureK: positive,
        coefficientArcmin: positive,
        elevationTermDeg: num,
        elevationOffsetDeg: num,
        sunRadiusDeg: nonNegative,
        horizonRefractionDeg: nonNegative,
        temperatureOffsetK: positive,
      })
      .strict(),
    riseSetElevationDeg: num,
    defaultPressureMbar: positive,
    minValidPressureMbar: positive,
    defaultTemperatureC: num,
    defaultYear: z.number().int(),
    deltaT: z.object({ segments: z.array(deltaTSegment), otherYearsS: num }).strict(),
  })
  .strict();

const bins = z.array(num).length(8);

const PerezSchema = z
  .object({
    maxZenithDeg: positive,
    minCosZenith: fraction,
    airMassCoefficient: positive,
    airMassOffsetDeg: positive,
    airMassExponent: num,
    brightnessNormalizationWPerM2: positive,
    clearnessZenithCoefficientPerDeg3: nonNegative,
    clearnessBinUpperBounds: z.array(positive).length(7),
    f11: bins,
    f12: bins,
    f13: bins,
    f21: bins,
    f22: bins,
    f23: bins,
  })
  .strict();

const ModuleSchema = z
  .object({
    stcEfficiencyFraction: fraction,
    areaM2: positive,
    vmpV: positive,
    impA: positive,
    alphaIscAPerC: num,
    idealityVoltageV: positive,
    lightCurrentA: positive,
    saturationCurrentA: positive,
    seriesResistanceOhm: nonNegative,
    shuntResistanceOhm: positive,
    adjustPercent: num,
  })
  .strict();

export const PvModelSchema = z
  .object({
    sunPosition: SunPositionSchema,
    extraterrestrial: z.object({ solarConstantWPerM2: positive, eccentricityAmplitude: num, daysPerYear: positive }).strict(),
    perez: PerezSchema,
    defaultAlbedoFraction: fraction,
    trackerRotationLimitDeg: num.min(0).max(90),
    modules: z.object({ standard: ModuleSchema, premium: ModuleSchema, thinFilm: ModuleSchema }).strict(),
    diode: z
      .object({
        referenceCellTemperatureC: num,
        referenceIrradianceWPerM2: positive,
        bandgapEv: positive,
        bandgapTemperatureCoefficientPerK: num,
        boltzmannEvPerK: positive,
        minEffectiveIrradianceWPerM2: nonNegative,
        kelvinAtZeroCelsius: positive,
      })
      .strict(),
    cellTemperature: z
      .object({
        noctOpenRackC: num,
        noctRoofMountC: num,
        windSpeedFactor: positive,
        minWindSpeedMPerS: positive,
        tauAlpha: fraction,
        noctIrradianceWPerM2: positive,
        noctAmbientC: num,
        heatLossNumerator: positive,
        heatLossConstant: positive,
        heatLossWindCoefficient: nonNegative,
      })
      .strict(),
    airMassModifier: z
      .object({
        coefficients: z.array(num).length(5),
        maxZenithDeg: positive,
        airMassCoefficient: positive,
        airMassOffsetDeg: positive,
        airMassExponent: num,
        elevationScalePerM: nonNegative,
      })
      .strict(),
    cover: z
      .object({
        minAngleDeg: nonNegative,
        maxAngleDeg: positive,
        glassRefractiveIndex: positive,
        glassThicknessM: nonNegative,
        glassExtinctionPerM: nonNegative,
        coatingRefractiveIndex: positive,
        coatingThicknessM: nonNegative,
        coatingExtinctionPerM: nonNegative,
        skyAngleDeg: z.array(num).length(3),
        groundAngleDeg: z.array(num).length(3),
      })
      .strict(),
    inverter: z
      .object({
        psoFractionSmall: fraction,
        psoFractionMedium: fraction,
        psoFractionLarge: fraction,
        smallBelowDcW: positive,
        mediumBelowDcW: positive,
      })
      .strict(),
    layout: z
      .object({
        moduleStcW: positive,
        moduleAspectRatio: positive,
        modulesPerString: z.number().int().positive(),
        modulesUpTracker: z.number().int().positive(),
        modulesUpFixed: z.number().int().positive(),
      })
      .strict(),
    systemLimits: z
      .object({ tiltDeg: z.tuple([num, num]), azimuthDeg: z.tuple([num, num]), lossesPercent: z.tuple([num, num]), gcr: z.tuple([num, num]), inverterEfficiencyPercent: z.tuple([num, num]) })
      .strict(),
    weatherLimits: z.object({ maxIrradianceWPerM2: positive, minTemperatureC: num, maxTemperatureC: num }).strict(),
    selfShading: z
      .object({
        skyDiffuseIntegrationSteps: z.number().int().positive(),
        minRowSpacingM: positive,
        minDiffusePoaWPerM2: nonNegative,
        minGroundShadowLengthM: positive,
        derateTolerance: nonNegative,
      })
      .strict(),
  })
  .strict();

export type PvModelData = z.infer<typeof PvModelSchema>;
export type PvModuleData = z.infer<typeof ModuleSchema>;
