/** Energy charts of a run: supply by source (hourly dispatch summed by year), 24/7 CFE score, CO2 emissions. */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../../pipeline/run.ts";
import { CATEGORICAL, byYear, defineChart, distinct, fromRecords, num, records, toPercent, toTwh } from "../chart.ts";
import { type Series, legendOf, points, stackedYearBars, yearLines } from "../marks.ts";
import { sourceNote } from "./buildout.ts";

/** Energy sources and sinks in the order they are stacked; sinks (charge, export, curtailment) are drawn below zero. */
export const SUPPLY: Series[] = [
  { key: "firmClean", label: "firm clean", color: "#3ca951" },
  { key: "wind", label: "wind", color: "#6cc5b0" },
  { key: "pv", label: "solar PV", color: "#efb118" },
  { key: "batteryDischarge", label: "battery discharge", color: "#a463f2" },
  { key: "gas", label: "gas", color: "#9c6b4e" },
  { key: "gridImport", label: "grid import", color: "#9498a0" },
  { key: "unserved", label: "unserved", color: "#d62728" },
];
export const SINKS: Series[] = [
  { key: "batteryCharge", label: "battery charge", color: "#d4b9fa" },
  { key: "export", label: "export", color: "#97bbf5" },
  { key: "curtailment", label: "curtailment", color: "#ff8ab7" },
];
const NO_POWER = "No site of this scenario has a `power` block (or its weather files were not read), so no hours were dispatched.";

export const powerSupplyBySource = defineChart<RunResult>({
  id: "power-supply-by-source",
  title: "Electricity supply of the dispatched sites by source, TWh a year",
  empty: NO_POWER,
  data: (r) => {
    const p = r.summary.power;
    const sources = p.energyMwhBySourceByYear as Record<string, Record<string, number>>;
    return fromRecords(
      ["year", "source", "energyMwh"],
      byYear(p.loadMwhByYear).flatMap(([year]) => [...SUPPLY, ...SINKS.filter((s) => s.key !== "batteryCharge")].map((s) => ({ year, source: s.key, energyMwh: sources[s.key]?.[year] ?? 0 }))),
    );
  },
  figure: (t, r, w) => {
    const sinks = new Set(SINKS.map((s) => s.key));
    const data = points(t, "year", "source", "energyMwh", toTwh)
      .filter((d) => d.value !== 0)
      .map((d) => (sinks.has(d.key) ? { ...d, value: -d.value } : d));
    const load = byYear(r.summary.power.loadMwhByYear).map(([year, mwh]) => ({ year, value: toTwh(mwh) }));
    const present = new Set(data.map((d) => d.key));
    const series = [...SUPPLY, ...SINKS].filter((s) => present.has(s.key));
    return {
      subtitle: `Sites: ${r.summary.power.sites.join(", ")}. Exports and curtailed energy are drawn below zero.`,
      legend: [...legendOf(series), { label: "load", color: "#1f2328", kind: "line" }],
      plot: stackedYearBars(data, series, "Energy (TWh)", w, [Plot.tickY(load, { x: "year", y: "value", stroke: "#1f2328", strokeWidth: 2 })]),
      note: sourceNote(r, "Hourly rule-based dispatch of each site-year (firm → PV/wind → battery → gas or grid by cost), summed by year."),
    };
  },
});

export const cfeScore = defineChart<RunResult>({
  id: "cfe-score",
  title: "Carbon-free electricity: 24/7 CFE score and annual match, % of load",
  empty: NO_POWER,
  data: (r) => {
    const p = r.summary.power;
    const sites = records(r.tables.powerSitesYearly).map((x) => ({ year: x.year, series: String(x.site), fraction: x.cfeScoreFraction }));
    const all = byYear(p.cfeScoreFractionByYear).map(([year, f]) => ({ year, series: "all sites: 24/7 CFE", fraction: f }));
    const match = byYear(p.annualMatchFractionByYear).map(([year, f]) => ({ year, series: "all sites: annual match", fraction: f }));
    return fromRecords(["year", "series", "fraction"], [...sites, ...all, ...match]);
  },
  figure: (t, r, w) => {
    const data = points(t, "year", "series", "fraction", toPercent);
    const sites = distinct(data.map((d) => d.key)).filter((k) => !k.startsWith("all sites"));
    const series: Series[] = [
      ...sites.map((key, i) => ({ key, label: `${key}: 24/7 CFE`, color: CATEGORICAL[i % CATEGORICAL.length] })),
      { key: "all sites: 24/7 CFE", label: "all sites: 24/7 CFE (load-weighted)", color: "#1f2328" },
      { key: "all sites: annual match", label: "all sites: annual match", color: "#1f2328" },
    ];
    return {
      legend: series.map((s) => ({ label: s.label, color: s.color, kind: s.key.endsWith("annual match") ? ("dash" as const) : ("line" as const) })),
      plot: yearLines(data, series, "Share of load (%)", w, { dashed: ["all sites: annual match"], percent: true }),
      note: sourceNote(r, "24/7 CFE = Σ hours min(load, clean supply) ÷ Σ load, grid imports counted as not clean; annual match = clean MWh ÷ load MWh."),
    };
  },
});

const EMISSIONS: Series[] = [
  { key: "locationBased", label: "location-based (hourly grid intensity × imports + gas)", color: "#ff725c" },
  { key: "marketBased", label: "market-based (imports net of exported clean certificates + gas)", color: "#4269d0" },
];

export const emissions = defineChart<RunResult>({
  id: "emissions",
  title: "CO2 emissions of the dispatched sites, million tonnes a year",
  empty: NO_POWER,
  data: (r) => {
    const p = r.summary.power;
    return fromRecords(
      ["year", "basis", "tco2"],
      byYear(p.locationBasedTco2ByYear).flatMap(([year, loc]) => [
        { year, basis: "locationBased", tco2: loc },
        { year, basis: "marketBased", tco2: p.marketBasedTco2ByYear[year] ?? null },
      ]),
    );
  },
  figure: (t, r, w) => ({
    legend: [{ ...legendOf(EMISSIONS, "line")[0] }, { ...legendOf(EMISSIONS, "dash")[1] }],
    plot: yearLines(points(t, "year", "basis", "tco2", (v) => num(v) / 1e6), EMISSIONS, "CO2 (Mt a year)", w, { dashed: ["marketBased"] }),
    note: sourceNote(r, "Grid intensity: EIA-930 hourly shape scaled to each region's annual mean where the region is not ERCOT (proxy)."),
  }),
});
