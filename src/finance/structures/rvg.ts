/**
 * Residual value guarantee: the sponsor guarantees the SPV a value for its campus during the guarantee term. If the
 * sponsor walks away, the campus's market value without its tenant (a declining curve from cost, with a floor and a
 * vacancy haircut) may fall below the guaranteed value: the difference is the sponsor's exposure.
 */
import type { ResolvedRvg } from "../../scenario/resolved-financing.ts";

/** Tenanted market value: cost × max(floor, (1 − decline)^years since the lease started). */
export function marketValueUsd(costUsd: number, rvg: Pick<ResolvedRvg, "marketValueDeclineFractionPerYear" | "marketValueFloorFraction">, ageYears: number): number {
  const decayed = (1 - rvg.marketValueDeclineFractionPerYear) ** Math.max(0, ageYears);
  return costUsd * Math.max(rvg.marketValueFloorFraction, decayed);
}

export interface RvgPoint {
  /** month index (end of the year or of a lease term) */
  index: number;
  marketValueVacantUsd: number;
  guaranteedValueUsd: number;
  exposureUsd: number;
}

/** Exposure at month `index` (end of month), 0 outside the guarantee term. */
export function rvgPoint(rvg: ResolvedRvg, costUsd: number, leaseStartIndex: number, debtBalanceUsd: number, index: number): RvgPoint {
  const inTerm = index >= leaseStartIndex && index < leaseStartIndex + rvg.termMonths;
  const ageYears = (index + 1 - leaseStartIndex) / 12;
  const marketValueVacantUsd = marketValueUsd(costUsd, rvg, ageYears) * (1 - rvg.vacancyHaircutFraction);
  const basis = rvg.basis === "debtOutstanding" ? debtBalanceUsd : costUsd;
  const guaranteedValueUsd = inTerm ? rvg.guaranteedFraction * basis : 0;
  return { index, marketValueVacantUsd, guaranteedValueUsd, exposureUsd: inTerm ? Math.max(0, guaranteedValueUsd - marketValueVacantUsd) : 0 };
}

/** Month indices at which a lease term ends (the sponsor may walk away), within the guarantee term. */
export function leaseTermEnds(leaseStartIndex: number, initialTermMonths: number, renewalTermMonths: number, leaseEndIndex: number): number[] {
  const out: number[] = [];
  for (let b = leaseStartIndex + initialTermMonths; b <= leaseEndIndex; b += Math.max(1, renewalTermMonths)) out.push(b - 1);
  return out;
}
