/** A site's `power` block with every default from data/ applied and cross-field checks (collected, with paths). */
import { type Diagnostic, error, keyPath, warning } from "../core/diagnostics.ts";
import type { ReferenceData } from "../data/index.ts";
import type { z } from "zod";
import type { ResolvedFlexibility, ResolvedSitePower } from "./resolved-power.ts";
import { type PortfolioInput, type SitePower, flexibilitySchema } from "./power-schema.ts";
import { unitFixedCosts } from "./power-unit-costs.ts";

export type { ResolvedSitePower };

/**
 * The default gas heat rate on the higher-heating-value basis: the source's LHV heat rate times HHV/LHV of natural
 * gas, so fuel (priced per MMBtu HHV) and CO2 (EPA factor per MMBtu HHV) are on the same basis as the heat rate.
 */
export function gasHeatRateHhvMmbtuPerMwh(op: ReferenceData["powerCosts"]["operation"]): number {
  return op.gasHeatRateLhvMmbtuPerMwh * op.naturalGasHhvPerLhvRatio;
}

function checkPortfolio(pf: PortfolioInput, path: string, ds: Diagnostic[]): void {
  if ((pf.batteryMw ?? 0) > 0 && pf.batteryMwh === 0) ds.push(warning(`${path}.batteryMwh`, "is 0 while batteryMw > 0: the battery can store nothing"));
  if ((pf.batteryMwh ?? 0) > 0 && pf.batteryMw === 0) ds.push(warning(`${path}.batteryMw`, "is 0 while batteryMwh > 0: the battery can neither charge nor discharge"));
}

/** `energyPriceUsdPerMwh`: the scenario's flat opex energy price (after data/'s default), the grid price unless the block sets one. */
export function resolveSitePower(pw: SitePower, ref: ReferenceData, path: string, years: readonly number[], ds: Diagnostic[], energyPriceUsdPerMwh = ref.opex.energyPriceUsdPerMwh): ResolvedSitePower {
  const op = ref.powerCosts.operation;
  const t = pw.technology;
  const technology = {
    batteryRoundTripEfficiency: t.batteryRoundTripEfficiency ?? op.batteryRoundTripEfficiency,
    batterySocMinFraction: t.batterySocMinFraction ?? op.batterySocMinFraction,
    batterySocMaxFraction: t.batterySocMaxFraction ?? op.batterySocMaxFraction,
    gasHeatRateMmbtuPerMwh: t.gasHeatRateMmbtuPerMwh ?? gasHeatRateHhvMmbtuPerMwh(op),
    firmCleanAvailabilityFraction: t.firmCleanAvailabilityFraction ?? op.firmCleanAvailabilityFraction,
  };
  if (technology.batterySocMinFraction >= technology.batterySocMaxFraction) {
    ds.push(error(`${path}.technology.batterySocMinFraction`, `must be below batterySocMaxFraction (${technology.batterySocMaxFraction})`));
  }
  checkPortfolio(pw.portfolio, `${path}.portfolio`, ds);
  const delay = pw.newGenerationDelayYears;
  const changes = Object.entries(pw.portfolioFromYear)
    .map(([y, portfolio]) => ({ year: Number(y), portfolio }))
    .sort((a, b) => a.year - b.year);
  for (const c of changes) {
    const cPath = keyPath(`${path}.portfolioFromYear`, String(c.year));
    checkPortfolio(c.portfolio, cPath, ds);
    if (years.length > 0 && (c.year < years[0] || c.year > years[years.length - 1])) ds.push(warning(cPath, `year is outside the horizon ${years[0]}-${years[years.length - 1]}`));
  }
  // new generation late: every change enters service `delay` years after its stated year
  if (delay > 0) for (const c of changes) c.year += delay;
  const dflt = ref.powerCosts.defaults;
  return {
    path,
    basePortfolio: pw.portfolio,
    changes,
    prices: {
      gridPriceUsdPerMwh: pw.prices.gridPriceUsdPerMwh ?? energyPriceUsdPerMwh,
      exportPriceUsdPerMwh: pw.prices.exportPriceUsdPerMwh ?? dflt.exportPriceUsdPerMwh,
      gasPriceUsdPerMmbtu: pw.prices.gasPriceUsdPerMmbtu ?? null,
      carbonPriceUsdPerTco2: pw.prices.carbonPriceUsdPerTco2 ?? dflt.carbonPriceUsdPerTco2,
    },
    technology,
    unitCosts: unitFixedCosts(ref),
    gasPriceByYear: Object.entries(ref.powerCosts.gasPriceUsdPerMmbtuByYear)
      .map(([y, v]): [number, number] => [Number(y), v])
      .sort((a, b) => a[0] - b[0]),
    operation: {
      gasVariableOmUsdPerMwh: op.gasVariableOmUsdPerMwh,
      gasCo2KgPerMmbtu: op.gasCo2KgPerMmbtu,
      gasWaterConsumptionGalPerMwh: op.gasWaterConsumptionGalPerMwh,
      firmCleanVariableCostUsdPerMwh: op.firmCleanVariableOmUsdPerMwh + op.firmCleanFuelUsdPerMwh,
    },
    weather: pw.weather,
    sizing: pw.sizing,
    target: { kind: pw.target.kind, levelFraction: pw.target.levelFraction ?? dflt.cleanTargetLevelFraction, countGridClean: pw.target.countGridClean },
    certificateMatchingFraction: pw.certificateMatchingFraction,
    flexibility: resolveFlexibility(pw.flexibility ?? flexibilitySchema.parse({ flexibleLoadFraction: 0 })),
  };
}

function resolveFlexibility(f: z.output<typeof flexibilitySchema>): ResolvedFlexibility {
  return {
    flexibleLoadFraction: f.flexibleLoadFraction,
    shiftWindowHours: f.shiftWindowHours,
    maxShiftUpFraction: f.maxShiftUpFraction ?? f.flexibleLoadFraction,
    curtailmentCostUsdPerMwh: f.curtailmentCostUsdPerMwh ?? null,
  };
}
