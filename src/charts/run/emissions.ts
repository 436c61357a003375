/** Lifecycle emissions of a run: operational CO2 and embodied CO2e by category, stacked by year. */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../../pipeline/run.ts";
import { byYear, defineChart, fromRecords, num } from "../chart.ts";
import { type Series, legendOf, points, stackedYearBars } from "../marks.ts";
import { sourceNote } from "./buildout.ts";

/** Stacked from the bottom: operational, then embodied parts. */
export const LIFECYCLE: Series[] = [
  { key: "operationalLocation", label: "operational (location-based)", color: "#ff725c" },
  { key: "gasUpstream", label: "gas plant & fuel supply", color: "#9c6b4e" },
  { key: "buildings", label: "buildings (shell, M&E)", color: "#6b6ecf" },
  { key: "accelerators", label: "accelerators & servers", color: "#4269d0" },
  { key: "networkStorage", label: "network & storage", color: "#97bbf5" },
  { key: "pv", label: "solar PV", color: "#efb118" },
  { key: "wind", label: "wind", color: "#6cc5b0" },
  { key: "firmClean", label: "firm clean", color: "#3ca951" },
  { key: "battery", label: "batteries", color: "#a463f2" },
];

export const lifecycleEmissions = defineChart<RunResult>({
  id: "lifecycle-emissions",
  title: "Lifecycle emissions: operational CO2 and embodied CO2e, million tonnes a year",
  empty: "The run has no years with emissions.",
  data: (r) => {
    const e = r.summary.emissions;
    const parts = e.embodiedTco2eByCategoryByYear as Record<string, Record<string, number>>;
    return fromRecords(
      ["year", "part", "tco2e"],
      byYear(e.lifecycleTco2eByYear)
        .filter(([, total]) => total > 0)
        .flatMap(([year]) => LIFECYCLE.map((s) => ({ year, part: s.key, tco2e: s.key === "operationalLocation" ? e.operationalLocationTco2ByYear[year] : (parts[s.key]?.[year] ?? 0) }))),
    );
  },
  figure: (t, r, w) => {
    const data = points(t, "year", "part", "tco2e", (v) => num(v) / 1e6).filter((d) => d.value !== 0);
    const present = new Set(data.map((d) => d.key));
    const series = LIFECYCLE.filter((s) => present.has(s.key));
    const market = byYear(r.summary.emissions.lifecycleMarketTco2eByYear)
      .filter(([, v]) => v > 0)
      .map(([year, v]) => ({ year, value: v / 1e6 }));
    return {
      subtitle: "Embodied carbon amortized over each asset's life (PV, wind and firm clean per MWh generated); the tick marks the market-based lifecycle total.",
      legend: [...legendOf(series), { label: "lifecycle, market-based", color: "#1f2328", kind: "line" }],
      plot: stackedYearBars(data, series, "CO2e (Mt a year)", w, [Plot.tickY(market, { x: "year", y: "value", stroke: "#1f2328", strokeWidth: 2 })]),
      note: sourceNote(r, "Embodied factors: data/embodied-carbon.json (A100-class server share per accelerator, a 5 MW data-centre LCA per MW, IPCC AR5 life-cycle medians, IVL battery study)."),
    };
  },
});
