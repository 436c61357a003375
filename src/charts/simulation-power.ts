/**
 * Monte Carlo ranges of the hourly-power outputs (issue 13 item 6): power cost, on-site CFE score, CO2 and water of the
 * target year and CO2 over the horizon. Their units differ, so each range is drawn relative to its own median (p5-p95
 * and p25-p75 as % of the median) and the median itself is written in its unit beside the label.
 */
import type { OutputName } from "../uncertainty/outputs.ts";
import { defineChart, fmt, fromRecords, num, records } from "./chart.ts";
import { percentileRanges } from "./marks.ts";
import type { SimulationChartInput } from "./simulation.ts";

const POWER_OUTPUTS: { name: OutputName; label: (year: number) => string; value: (v: number) => string }[] = [
  { name: "powerCostUsdPerMwhTargetYear", label: (y) => `power cost per MWh ${y}`, value: (v) => `$${fmt(v, 1)}/MWh` },
  { name: "powerCostUsdTargetYear", label: (y) => `power cost ${y}`, value: (v) => `$${fmt(v / 1e9, 2)}B` },
  { name: "cfeScoreFractionTargetYear", label: (y) => `on-site CFE score ${y}`, value: (v) => `${fmt(v * 100, 1)} %` },
  { name: "locationBasedTco2TargetYear", label: (y) => `CO2, location-based, ${y}`, value: (v) => `${fmt(v / 1e6, 1)} Mt` },
  { name: "marketBasedTco2TargetYear", label: (y) => `CO2, market-based, ${y}`, value: (v) => `${fmt(v / 1e6, 1)} Mt` },
  { name: "locationBasedTco2Total", label: () => "CO2, location-based, whole horizon", value: (v) => `${fmt(v / 1e6, 0)} Mt` },
  { name: "waterMegalitersTargetYear", label: (y) => `on-site water ${y}`, value: (v) => `${fmt(v, 0)} ML` },
];

export const mcPower = defineChart<SimulationChartInput>({
  id: "mc-power",
  title: "Monte Carlo ranges of the hourly-power outputs, % of each median",
  empty: "No site-year was dispatched: the scenario has no site with a power block (or its weather files were not read).",
  data: (r) =>
    fromRecords(
      ["output", "mean", "p5", "p25", "p50", "p75", "p95"],
      POWER_OUTPUTS.filter((o) => (r.outputs[o.name]?.n ?? 0) > 0).map((o) => {
        const s = r.outputs[o.name];
        const q = s.percentiles;
        return { output: o.name, mean: s.mean, p5: q.p5, p25: q.p25, p50: q.p50, p75: q.p75, p95: q.p95 };
      }),
    ),
  figure: (t, r, w) => {
    const rows = records(t).map((x) => {
      const o = POWER_OUTPUTS.find((p) => p.name === x.output)!;
      const median = num(x.p50);
      const rel = (k: string): number => (median !== 0 ? (100 * num(x[k])) / median : NaN);
      return { label: `${o.label(r.targetYear)}: ${o.value(median)}`, mean: rel("mean"), p5: rel("p5"), p25: rel("p25"), p75: rel("p75"), p95: rel("p95") };
    });
    return {
      subtitle: "The sites with a power block. Each bar is one output's spread over the samples, as a share of its median (written after its name).",
      ...percentileRanges(rows, w, { xLabel: "% of the median", ruleX: 100, median: () => 100, medianLabel: "median (100 %)" }),
      note: `Source: gigaplan Monte Carlo, ${fmt(r.iterations)} samples (${r.method}, seed ${r.seed}); every site-year with load dispatched hour by hour on the sites' weather and grid files.`,
    };
  },
});
