/** Technology parameters of a site-year from its resolved power block. */
import type { TechParams } from "../dispatch/inputs.ts";
import type { ResolvedSitePower } from "../../scenario/resolved-power.ts";
import { gasPriceUsdPerMmbtu } from "./portfolio.ts";

export function techParams(p: ResolvedSitePower, year: number, carbonPriceUsdPerTco2 = p.prices.carbonPriceUsdPerTco2): TechParams {
  const op = p.operation;
  const t = p.technology;
  return {
    battery: { roundTripEfficiency: t.batteryRoundTripEfficiency, socMinFraction: t.batterySocMinFraction, socMaxFraction: t.batterySocMaxFraction },
    gas: {
      heatRateMmbtuPerMwh: t.gasHeatRateMmbtuPerMwh,
      fuelPriceUsdPerMmbtu: gasPriceUsdPerMmbtu(p, year),
      variableOmUsdPerMwh: op.gasVariableOmUsdPerMwh,
      co2KgPerMmbtu: op.gasCo2KgPerMmbtu,
    },
    firmClean: { availabilityFraction: t.firmCleanAvailabilityFraction, variableCostUsdPerMwh: op.firmCleanVariableCostUsdPerMwh },
    carbonPriceUsdPerTco2,
  };
}
