/**
 * Monte Carlo charts (`simulate`): the convergence fan of the mean, percentile ranges of the money outputs, the
 * distribution of NPV (from the samples when they are passed along, else from the report's percentiles), and the
 * tornado of one-at-a-time swings.
 */
import * as Plot from "@observablehq/plot";
import type { OutputName } from "../uncertainty/outputs.ts";
import type { SampleTable, SimulationReport } from "../uncertainty/simulate.ts";
import { PERCENTILES } from "../uncertainty/stats.ts";
import { defineChart, fmt, fromRecords, num, records, toBillions } from "./chart.ts";
import { percentileRanges, rowLayout } from "./marks.ts";
import { MUTED } from "./svg.ts";

/** A simulation report, optionally with its samples (for an exact histogram). */
export type SimulationChartInput = SimulationReport & { samples?: SampleTable };

export function outputLabel(name: string, targetYear: number): string {
  const labels: Record<string, string> = {
    capexUsdTotal: "capex, whole horizon",
    capexUsdThroughTargetYear: `capex through ${targetYear}`,
    npvUsd: "NPV of the program",
    peakFundingGapUsd: "peak yearly funding gap",
    companyFcfUsdThroughTargetYear: `company free cash flow through ${targetYear}`,
    itPowerMwTargetYear: `IT MW online end ${targetYear}`,
    facilityEnergyMwhTargetYear: `facility energy ${targetYear}`,
  };
  return labels[name] ?? name;
}

/** The output the single-output charts show: NPV when the scenario has economics, else total capex. */
export function headlineOutput(r: SimulationReport): OutputName {
  return r.outputs.npvUsd.n > 0 ? "npvUsd" : "capexUsdTotal";
}

const note = (r: SimulationReport): string =>
  `Source: gigaplan Monte Carlo, ${fmt(r.iterations)} samples (${r.method}, seed ${r.seed}) over the scenario's uncertain inputs; nominal USD.`;

export const mcFan = defineChart<SimulationChartInput>({
  id: "mc-fan",
  title: "Monte Carlo convergence: running mean with its 95 % band, USD billions",
  data: (r) => {
    const name = headlineOutput(r);
    return fromRecords(
      ["output", "samples", "meanUsd", "lower95Usd", "upper95Usd"],
      r.convergence[name].filter((p) => Number.isFinite(p.mean)).map((p) => ({ output: name, samples: p.samples, meanUsd: p.mean, lower95Usd: p.mean - 1.96 * p.standardError, upper95Usd: p.mean + 1.96 * p.standardError })),
    );
  },
  figure: (t, r) => {
    const rows = records(t).map((x) => ({ n: num(x.samples), mean: toBillions(num(x.meanUsd)), lo: toBillions(num(x.lower95Usd)), hi: toBillions(num(x.upper95Usd)) }));
    const name = headlineOutput(r);
    const p = r.outputs[name].percentiles;
    return {
      subtitle: `${outputLabel(name, r.targetYear)}: the mean after n samples narrows as 1/√n; dashed lines: p5 and p95 of the samples (${fmt(toBillions(p.p5), 1)} and ${fmt(toBillions(p.p95), 1)}).`,
      legend: [
        { label: "95 % band of the mean", color: "#4269d0" },
        { label: "running mean", color: "#1f2328", kind: "line" },
        { label: "p5 / p95 of the samples", color: MUTED, kind: "dash" },
      ],
      plot: {
        height: 260,
        marginLeft: 56,
        x: { type: "log", label: "Samples (log scale)", tickFormat: "," },
        y: { label: "USD billions", grid: true, nice: true },
        marks: [
          Plot.areaY(rows, { x: "n", y1: "lo", y2: "hi", fill: "#4269d0", fillOpacity: 0.3 }),
          Plot.lineY(rows, { x: "n", y: "mean", stroke: "#1f2328", strokeWidth: 2 }),
          Plot.dot(rows, { x: "n", y: "mean", fill: "#1f2328", r: 2.5 }),
          Plot.ruleY([toBillions(p.p5), toBillions(p.p95)], { stroke: MUTED, strokeDasharray: "4 3" }),
        ],
      },
      note: note(r),
    };
  },
});

const USD_OUTPUTS: OutputName[] = ["capexUsdTotal", "capexUsdThroughTargetYear", "npvUsd", "peakFundingGapUsd", "companyFcfUsdThroughTargetYear"];

export const mcPercentiles = defineChart<SimulationChartInput>({
  id: "mc-percentiles",
  title: "Monte Carlo ranges of the money outputs, USD billions",
  data: (r) =>
    fromRecords(
      ["output", "meanUsd", "p5Usd", "p25Usd", "p50Usd", "p75Usd", "p95Usd"],
      USD_OUTPUTS.filter((n) => r.outputs[n].n > 0).map((n) => {
        const s = r.outputs[n];
        return { output: n, meanUsd: s.mean, p5Usd: s.percentiles.p5, p25Usd: s.percentiles.p25, p50Usd: s.percentiles.p50, p75Usd: s.percentiles.p75, p95Usd: s.percentiles.p95 };
      }),
    ),
  figure: (t, r, w) => {
    const rows = records(t).map((x) => ({
      label: outputLabel(String(x.output), r.targetYear),
      ...Object.fromEntries(["mean", "p5", "p25", "p50", "p75", "p95"].map((k) => [k, toBillions(num(x[`${k}Usd`]))])),
    })) as ({ label: string } & Record<"mean" | "p5" | "p25" | "p50" | "p75" | "p95", number>)[];
    return {
      ...percentileRanges(rows, w, { xLabel: "USD billions", ruleX: 0, median: "p50", medianLabel: "median" }),
      note: note(r),
    };
  },
});

/** Equal-width bins of the samples of one output (share of samples in each). */
function sampleBins(values: Float64Array, bins: number): { lo: number; hi: number; share: number }[] {
  const xs = Array.from(values).filter((v) => !Number.isNaN(v));
  if (xs.length === 0) return [];
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const w = (max - min) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of xs) counts[Math.min(bins - 1, Math.floor((v - min) / w))]++;
  return counts.map((c, k) => ({ lo: min + k * w, hi: min + (k + 1) * w, share: c / xs.length }));
}

/** Bins between consecutive reported percentiles (min, p1, p5, …, p99, max): the share of samples in each is known. */
function percentileBins(r: SimulationReport, name: OutputName): { lo: number; hi: number; share: number }[] {
  const s = r.outputs[name];
  const qs: [number, number][] = [[0, s.min], ...PERCENTILES.map((p): [number, number] => [p / 100, s.percentiles[`p${p}`]]), [1, s.max]];
  return qs.slice(1).map(([q, hi], k) => ({ lo: qs[k][1], hi, share: q - qs[k][0] })).filter((b) => b.hi > b.lo);
}

export const mcHistogram = defineChart<SimulationChartInput>({
  id: "mc-histogram",
  title: "Monte Carlo distribution of NPV (capex without economics), % of samples per USD billion",
  data: (r) => {
    const name = headlineOutput(r);
    const col = r.samples?.outputNames.indexOf(name) ?? -1;
    const bins = col >= 0 && r.samples ? sampleBins(r.samples.outputs[col], 30) : percentileBins(r, name);
    return fromRecords(["output", "binLowUsd", "binHighUsd", "sampleShareFraction"], bins.map((b) => ({ output: name, binLowUsd: b.lo, binHighUsd: b.hi, sampleShareFraction: b.share })));
  },
  figure: (t, r) => {
    const name = headlineOutput(r);
    const exact = (r.samples?.outputNames.indexOf(name) ?? -1) >= 0;
    // density: share of samples per USD billion, so bins of unequal width (percentile bins) read correctly
    const bins = records(t).map((x) => {
      const lo = toBillions(num(x.binLowUsd));
      const hi = toBillions(num(x.binHighUsd));
      return { lo, hi, density: (num(x.sampleShareFraction) * 100) / (hi - lo) };
    });
    const p = r.outputs[name].percentiles;
    const marks = [
      { x: toBillions(p.p5), label: "p5" },
      { x: toBillions(p.p50), label: "median" },
      { x: toBillions(p.p95), label: "p95" },
    ];
    return {
      subtitle: `${outputLabel(name, r.targetYear)}, USD billions. ${exact ? `${fmt(r.samples!.count)} samples in 30 equal bins.` : "Bins between the report's percentiles (samples not kept)."}${name === "npvUsd" ? ` P(NPV < 0) = ${fmt(r.risk.probabilityNpvNegative * 100, 1)} %.` : ""}`,
      plot: {
        height: 260,
        marginLeft: 56,
        x: { label: `${outputLabel(name, r.targetYear)} (USD billions)`, nice: true },
        y: { label: "Share of samples (% per USD billion)", grid: true },
        marks: [
          Plot.rectY(bins, { x1: "lo", x2: "hi", y: "density", fill: "#4269d0", fillOpacity: 0.75, insetLeft: exact ? 0.5 : 0, insetRight: exact ? 0.5 : 0 }),
          Plot.ruleX(marks, { x: "x", stroke: "#1f2328", strokeDasharray: "4 3" }),
          Plot.text(marks, { x: "x", text: "label", frameAnchor: "top", dy: 2, dx: 3, textAnchor: "start", fill: "#1f2328" }),
          Plot.ruleY([0]),
          ...(name === "npvUsd" ? [Plot.ruleX([0], { stroke: "#d62728" })] : []),
        ],
      },
      note: note(r),
    };
  },
});

export const tornado = defineChart<SimulationChartInput>({
  id: "tornado",
  title: "Tornado: headline output with each input at its p10 and p90, others at base, USD billions",
  empty: "No tornado in this report (a merged samples file has no scenario to rerun).",
  data: (r) => {
    const name = headlineOutput(r);
    const t = r.sensitivity.tornado;
    if (!t) return fromRecords([], []);
    return fromRecords(
      ["output", "input", "lowInput", "highInput", "lowOutputUsd", "highOutputUsd", "baseOutputUsd"],
      t.bars[name].map((b) => ({ output: name, input: b.input, lowInput: b.lowInput, highInput: b.highInput, lowOutputUsd: b.lowOutput, highOutputUsd: b.highOutput, baseOutputUsd: t.baseOutputs[name] })),
    );
  },
  figure: (t, r, w) => {
    const rows = records(t);
    const base = toBillions(num(rows[0].baseOutputUsd));
    const bars = rows.flatMap((x) => [
      { input: String(x.input), end: toBillions(num(x.lowOutputUsd)), which: "input at p10", value: fmt(num(x.lowInput), 3) },
      { input: String(x.input), end: toBillions(num(x.highOutputUsd)), which: "input at p90", value: fmt(num(x.highInput), 3) },
    ]);
    const layout = rowLayout(rows.map((x) => String(x.input)), w, 26);
    const name = headlineOutput(r);
    return {
      subtitle: `${outputLabel(name, r.targetYear)}; base case ${fmt(base, 1)}. Largest swing first.`,
      legend: [
        { label: "input at p10", color: "#ff725c" },
        { label: "input at p90", color: "#4269d0" },
      ],
      plot: {
        ...layout,
        marginRight: 16,
        x: { label: "USD billions", grid: true, nice: true },
        color: { domain: ["input at p10", "input at p90"], range: ["#ff725c", "#4269d0"] },
        marks: [
          ...layout.marks,
          Plot.barX(bars, { y: "input", x1: base, x2: "end", fill: "which", fillOpacity: 0.85, insetTop: 3, insetBottom: 3 }),
          Plot.ruleX([base], { stroke: "#1f2328" }),
        ],
      },
      note: `One model run per bar end (2 × inputs + 1). ${note(r)}`,
    };
  },
});
