/** Monte Carlo fan of IT power online by year: the 5-95 % and 25-75 % bands of the samples and their median. */
import * as Plot from "@observablehq/plot";
import { defineChart, fmt, fromRecords, num, records } from "./chart.ts";
import type { SimulationChartInput } from "./simulation.ts";

export const mcItPowerFan = defineChart<SimulationChartInput>({
  id: "mc-it-power-fan",
  title: "Monte Carlo: IT power online at each year end, GW (time-to-power, capital and other uncertain inputs)",
  empty: "The report has no IT power by year (a samples file merged without its scenario).",
  data: (r) =>
    fromRecords(
      ["year", "p5Mw", "p25Mw", "p50Mw", "p75Mw", "p95Mw", "meanMw"],
      (r.itPowerMwByYear ?? []).map((y) => ({ year: y.year, p5Mw: y.p5, p25Mw: y.p25, p50Mw: y.p50, p75Mw: y.p75, p95Mw: y.p95, meanMw: y.mean })),
    ),
  figure: (t, r, w) => {
    const rows = records(t).map((x) => ({ year: num(x.year), p5: num(x.p5Mw) / 1000, p25: num(x.p25Mw) / 1000, p50: num(x.p50Mw) / 1000, p75: num(x.p75Mw) / 1000, p95: num(x.p95Mw) / 1000 }));
    const target = rows.find((x) => x.year === r.targetYear);
    return {
      subtitle: target
        ? `End of ${r.targetYear}: median ${fmt(target.p50, 2)} GW, 90 % of samples between ${fmt(target.p5, 2)} and ${fmt(target.p95, 2)} GW.`
        : "Median and bands of the samples by year.",
      legend: [
        { label: "5-95 %", color: "#4269d0" },
        { label: "25-75 %", color: "#1f4fae" },
        { label: "median", color: "#1f2328", kind: "line" },
      ],
      plot: {
        height: 280,
        marginLeft: 48,
        x: { label: "End of year", tickFormat: "d", ticks: Math.min(w < 520 ? 5 : 11, rows.length) },
        y: { label: "IT power online (GW)", grid: true, nice: true },
        marks: [
          Plot.areaY(rows, { x: "year", y1: "p5", y2: "p95", fill: "#4269d0", fillOpacity: 0.25 }),
          Plot.areaY(rows, { x: "year", y1: "p25", y2: "p75", fill: "#1f4fae", fillOpacity: 0.35 }),
          Plot.lineY(rows, { x: "year", y: "p50", stroke: "#1f2328", strokeWidth: 2 }),
          Plot.dot(rows, { x: "year", y: "p50", fill: "#1f2328", r: 2 }),
        ],
      },
      note: `Source: gigaplan Monte Carlo, ${fmt(r.iterations)} samples (${r.method}, seed ${r.seed}); IT MW online in December of each year.`,
    };
  },
});
