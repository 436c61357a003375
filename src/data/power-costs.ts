/**
 * Schema of `data/power-costs.json`: capital, fixed and variable costs, lifetimes and WACC of the supply
 * technologies (NREL ATB 2024 via PyPSA technology-data), fuel prices, defaults and PPA reference prices.
 * Provenance of every number: `data/power-costs.meta.json`.
 */
import { z } from "zod";

const num = z.number().finite();
const positive = num.positive();
const nonNegative = num.nonnegative();
const fraction = num.min(0).max(1);

const perKw = z.strictObject({ capexUsdPerKw: nonNegative, fixedOmFractionOfCapexPerYear: nonNegative, lifetimeYears: positive, waccFraction: fraction });
const perKwh = z.strictObject({ capexUsdPerKwh: nonNegative, fixedOmFractionOfCapexPerYear: nonNegative, lifetimeYears: positive, waccFraction: fraction });

export const PowerCostsSchema = z.strictObject({
  dollarYear: z.number().int(),
  technologies: z.strictObject({ pv: perKw, wind: perKw, batteryPower: perKw, batteryEnergy: perKwh, gas: perKw, firmClean: perKw }),
  operation: z.strictObject({
    batteryRoundTripEfficiency: num.gt(0).max(1),
    batterySocMinFraction: fraction,
    batterySocMaxFraction: fraction,
    /** LHV basis (as the source states efficiencies); the model converts to HHV with naturalGasHhvPerLhvRatio */
    gasHeatRateLhvMmbtuPerMwh: positive,
    /** higher over lower heating value of natural gas (US prices and CO2 factors are per MMBtu HHV) */
    naturalGasHhvPerLhvRatio: num.min(1).max(1.2),
    gasVariableOmUsdPerMwh: nonNegative,
    gasCo2KgPerMmbtu: nonNegative,
    gasWaterConsumptionGalPerMwh: nonNegative,
    firmCleanAvailabilityFraction: fraction,
    firmCleanVariableOmUsdPerMwh: nonNegative,
    firmCleanFuelUsdPerMwh: nonNegative,
  }),
  gasPriceUsdPerMmbtuByYear: z.record(z.string().regex(/^\d{4}$/), nonNegative).refine((r) => Object.keys(r).length > 0, { message: "needs at least one year" }),
  defaults: z.strictObject({ exportPriceUsdPerMwh: nonNegative, carbonPriceUsdPerTco2: nonNegative, cleanTargetLevelFraction: fraction, movedLoadCostUsdPerMwh: nonNegative, cleanTargetShortfallUsdPerMwh: nonNegative }),
  ppaPriceReferenceUsdPerMwh: z.strictObject({ solarMarketAverage: positive, windMarketAverage: positive, solarContinentalP25: positive, windContinentalP25: positive }),
  atbCapacityFactorReference: z.strictObject({ pv: fraction, wind: fraction }),
  profileDefaults: z.strictObject({
    pvArrayType: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    pvTiltDeg: num,
    pvAzimuthDeg: num,
    pvLossesPercent: num,
    pvDcAcRatio: positive,
    pvGcr: fraction,
    pvInverterEfficiencyPercent: positive,
    pvModuleType: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    windTurbineCount: z.number().int().positive(),
    gridProxyShapeRegion: z.string().min(1),
    localWeatherMaxDistanceKm: positive,
  }),
});

export type PowerCostsData = z.infer<typeof PowerCostsSchema>;
export type TechnologyCost = z.infer<typeof perKw>;
