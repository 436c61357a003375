import { z } from "zod";

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const fraction = z.number().finite().min(0).max(1);

/** Wind farm model constants as in NREL SAM/ssc (`data/wind-model.json`). */
export const WindModelSchema = z
  .object({
    physics: z.object({ pascalsPerAtm: positive, dryAirGasConstantJPerKgK: positive, celsiusToKelvinOffsetK: positive, standardAirTemperatureC: z.number().finite() }).strict(),
    defaults: z.object({ shearExponent: z.number().finite().min(0).max(1), turbulenceIntensityFraction: fraction }).strict(),
    resource: z
      .object({
        maxSpeedHeightGapM: positive, shearHeightToleranceM: nonNegative, maxDirectionHeightGapM: positive,
        minSpeedMps: nonNegative, maxSpeedMps: positive, minTemperatureC: z.number().finite(), maxTemperatureC: z.number().finite(),
        plausiblePressureMinAtm: positive, plausiblePressureMaxAtm: positive,
      })
      .strict(),
    turbine: z.object({ densityRecomputeToleranceKgPerM3: nonNegative, thrustFromPowerCoefficientPolynomial: z.array(z.number().finite()).length(4) }).strict(),
    simpleWake: z
      .object({ maxCrosswindRotorRadii: positive, addedTurbulenceThrustDivisor: positive, addedTurbulenceLogCoefficient: positive, minGaussianExponent: z.number().finite().negative() })
      .strict(),
    defaultLayout: z
      .object({ minTurbinesPerRow: z.number().int().positive(), turbineSpacingRotorDiameters: positive, rowSpacingRotorDiameters: positive, alternateRowOffsetRotorDiameters: nonNegative })
      .strict(),
    referenceTurbine: z.object({ ratedPowerKw: positive, rotorDiameterM: positive, hubHeightM: positive }).strict(),
  })
  .strict();
export type WindModelData = z.infer<typeof WindModelSchema>;
