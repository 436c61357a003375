/** Plain-text report of `optimize-power --samples`: the distribution of the samples' optima, the robust portfolio, VSS and EVPI. */
import { fixedCell as fmt, renderTextTable } from "../core/text-table.ts";
import type { StochasticPowerReport } from "../results/stochastic-power.ts";

const musd = (x: number | null | undefined): string => (x === null || x === undefined ? "n/a" : `$${fmt(x / 1e6, 1)}M`);
const KEYS = [["PV MW", "pvMw"], ["wind MW", "windMw"], ["battery MW", "batteryMw"], ["battery MWh", "batteryMwh"], ["gas MW", "gasMw"], ["firm clean MW", "firmCleanMw"]] as const;

export function renderStochasticPowerReport(r: StochasticPowerReport): string {
  const st = r.stochastic;
  const shard = st.sampleRange.start > 0 || st.sampleRange.end < st.samples ? ` (samples ${st.sampleRange.start}-${st.sampleRange.end - 1} of this shard)` : "";
  const out = [
    `${r.site} ${r.year}, ${r.target.kind} ≥ ${fmt(r.target.levelFraction * 100, 0)} % (shortfall priced at $${fmt(r.target.shortfallPenaltyUsdPerMwh)}/MWh), ${r.resolutionHours}-hour steps; ${st.samples} samples, seed ${r.seed}${shard}.`,
    `Uncertain inputs drawn: ${r.inputs.join(", ")}.`,
    "",
  ];
  const ps = st.perSampleStats;
  const rows = KEYS.map(([label, k]) => [label, ps ? fmt(ps.capacities[k].mean) : "", ps ? fmt(ps.capacities[k].p5) : "", ps ? fmt(ps.capacities[k].p95) : "", st.robust?.capacities ? fmt(st.robust.capacities[k]) : "", st.expectedValue?.capacities ? fmt(st.expectedValue.capacities[k]) : ""]);
  rows.push(["cost $M/yr", ps ? fmt(ps.objectiveUsd.mean / 1e6, 1) : "", ps ? fmt(ps.objectiveUsd.p5 / 1e6, 1) : "", ps ? fmt(ps.objectiveUsd.p95 / 1e6, 1) : "", st.robust ? fmt(st.robust.expectedCostUsd / 1e6, 1) : "", st.eevUsd === null ? "n/a" : fmt(st.eevUsd / 1e6, 1)]);
  out.push(...renderTextTable(["", "each sample: mean", "p5", "p95", "robust (two-stage)", "planned for the mean"], rows, { rule: true }));
  if (st.robust) {
    out.push(
      "",
      `Expected cost: wait-and-see ${musd(st.waitAndSeeUsd)}, robust ${musd(st.robust.expectedCostUsd)}, planned for the mean ${musd(st.eevUsd)} a year.`,
      `Value of the stochastic solution (VSS) ${musd(st.vssUsd)} a year; expected value of perfect information (EVPI) ${musd(st.evpiUsd)} a year.`,
    );
  } else out.push("", "Per-sample optima only (a shard): run without --shard for the two-stage LP, VSS and EVPI.");
  return `${out.join("\n")}\n`;
}
