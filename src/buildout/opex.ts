/** Operating costs and program revenue by site and month, nominal USD. */
import { escalationFactor } from "./costs.ts";
import type { SiteCapacity } from "./capacity.ts";
import type { SiteEnergy } from "./energy.ts";
import type { ResolvedScenario } from "../scenario/resolved.ts";
import type { Asset } from "./capex.ts";
import { zeroArrays } from "../core/series.ts";

export interface SiteOpex {
  energyCostUsd: Float64Array;
  staffCostUsd: Float64Array;
  maintenanceCostUsd: Float64Array;
  /** rent of leased facilities (facilityOwnership: leased) per kW of IT online */
  facilityLeaseCostUsd: Float64Array;
  revenueUsd: Float64Array;
}

/** A site-year's energy price in base-year USD per MWh of facility energy, or undefined for the flat scenario price. */
export type EnergyPriceOverride = (siteIndex: number, year: number) => number | undefined;

/**
 * Opex by site and month. Energy is priced at `opex.energyPriceUsdPerMwh` unless `energyPrice` gives a site-year its
 * own price (the hourly power model's cost per MWh of load); both are base-year prices, escalated alike.
 */
export function computeOpex(
  s: ResolvedScenario,
  capacity: readonly SiteCapacity[],
  energy: readonly SiteEnergy[],
  assets: readonly Asset[],
  energyPrice?: EnergyPriceOverride,
): SiteOpex[] {
  const t = s.timeline;
  const n = t.months;
  const o = s.opex;
  const facilityInService = zeroArrays(s.sites.length, n);
  const lines = zeroArrays(4 * s.sites.length, n);
  for (const a of assets) {
    if (a.assetClass === "it") continue;
    for (let m = Math.max(0, a.inServiceIndex); m < n; m++) facilityInService[a.siteIndex][m] += a.costUsd;
  }
  const econ = s.economics;
  const perCompute = econ?.revenueUsdPerPflopSYear ?? null;
  const revenuePerMwMonth = perCompute === null ? (econ?.revenueUsdPerMwItYear ?? 0) / 12 : 0;
  // compute form: USD per PFLOP/s-month at the base year, falling by the compute price decline each year after it
  const computePriceFactor = (year: number): number => (1 - (econ?.computePriceDeclineFractionPerYear ?? 0)) ** (year - s.currencyBaseYear);
  // per timeline year, not per month: escalation and the compute price factor
  const escByYear = Float64Array.from(t.years, (y) => escalationFactor(s, y));
  const priceByYear = Float64Array.from(t.years, computePriceFactor);
  return s.sites.map((_, si) => {
    const [staffCostUsd, maintenanceCostUsd, facilityLeaseCostUsd, revenueUsd] = lines.slice(4 * si, 4 * si + 4);
    const r: SiteOpex = { energyCostUsd: energyCostUsd(s, energy[si], si, energyPrice), staffCostUsd, maintenanceCostUsd, facilityLeaseCostUsd, revenueUsd };
    for (let m = 0; m < n; m++) {
      const esc = escByYear[t.yearIndex[m]];
      const mw = capacity[si].itPowerMwOnline[m];
      r.staffCostUsd[m] = (mw * o.staffPerMw * o.staffCostUsdPerYear * esc) / 12;
      r.maintenanceCostUsd[m] = (facilityInService[si][m] * o.maintenanceFractionPerYear) / 12;
      r.facilityLeaseCostUsd[m] = capacity[si].leasedItPowerMwOnline[m] * 1000 * o.facilityLeaseUsdPerKwMonth * esc;
      r.revenueUsd[m] =
        perCompute === null
          ? mw * revenuePerMwMonth * esc
          : ((capacity[si].denseBf16FlopPerS[m] / 1e15) * perCompute * priceByYear[t.yearIndex[m]] * esc) / 12;
    }
    return r;
  });
}

/**
 * `opex` with each site's energy cost re-priced by `energyPrice` (the other lines shared, not copied): the energy cost
 * `computeOpex` gives with the same override, without recomputing staff, maintenance and revenue.
 */
export function withEnergyPrices(s: ResolvedScenario, energy: readonly SiteEnergy[], opex: readonly SiteOpex[], energyPrice: EnergyPriceOverride): SiteOpex[] {
  return opex.map((r, si) => ({ ...r, energyCostUsd: energyCostUsd(s, energy[si], si, energyPrice) }));
}

/** A site's energy cost by month: facility MWh × its base-year price (the override's, else the flat one) × escalation. */
function energyCostUsd(s: ResolvedScenario, e: SiteEnergy, si: number, energyPrice?: EnergyPriceOverride): Float64Array {
  const t = s.timeline;
  const out = new Float64Array(t.months);
  for (let m = 0; m < t.months; m++) {
    const year = t.years[t.yearIndex[m]];
    const price = energyPrice?.(si, year) ?? s.opex.energyPriceUsdPerMwh;
    out[m] = e.facilityEnergyMwh[m] * price * escalationFactor(s, year);
  }
  return out;
}
