/** Annualized unit costs of the supply technologies (capital recovery + fixed O&M) from data/power-costs.json. */
import type { ReferenceData } from "../data/index.ts";
import type { TechnologyCost } from "../data/power-costs.ts";
import type { UnitFixedCosts } from "./resolved-power.ts";

const KW_PER_MW = 1000;

/** Capital recovery factor: w(1+w)^n / ((1+w)^n − 1); 1/n when w = 0. */
export function capitalRecoveryFactor(waccFraction: number, lifetimeYears: number): number {
  if (waccFraction === 0) return 1 / lifetimeYears;
  const g = (1 + waccFraction) ** lifetimeYears;
  return (waccFraction * g) / (g - 1);
}

/** Annualized capital + fixed O&M per unit of capacity (USD per kW or kWh and year). */
export function annualizedUsdPerUnitYear(capexUsdPerUnit: number, c: Omit<TechnologyCost, "capexUsdPerKw">): number {
  return capexUsdPerUnit * (capitalRecoveryFactor(c.waccFraction, c.lifetimeYears) + c.fixedOmFractionOfCapexPerYear);
}

export function unitFixedCosts(ref: ReferenceData): UnitFixedCosts {
  const t = ref.powerCosts.technologies;
  const perMw = (c: TechnologyCost): number => annualizedUsdPerUnitYear(c.capexUsdPerKw, c) * KW_PER_MW;
  return {
    pvUsdPerMwYear: perMw(t.pv),
    windUsdPerMwYear: perMw(t.wind),
    batteryPowerUsdPerMwYear: perMw(t.batteryPower),
    batteryEnergyUsdPerMwhYear: annualizedUsdPerUnitYear(t.batteryEnergy.capexUsdPerKwh, t.batteryEnergy) * KW_PER_MW,
    gasUsdPerMwYear: perMw(t.gas),
    firmCleanUsdPerMwYear: perMw(t.firmClean),
  };
}
