/** Strategy comparison charts (`compare`): expected cost, regret, and the newsvendor curve of the asymmetric bet. */
import * as Plot from "@observablehq/plot";
import type { CompareReport } from "../strategy/compare.ts";
import { CATEGORICAL, defineChart, fmt, fromRecords, num, records, toBillions, usdText } from "./chart.ts";
import { MUTED } from "./svg.ts";

const note = (c: CompareReport): string =>
  `Source: gigaplan strategy comparison, ${fmt(c.paths)} demand paths (${c.method}, seed ${c.seed}) from ${c.startMonth}; a MW-month of shortfall costs ${usdText(c.shortfallUsdPerMwMonth)}, of idle capacity ${usdText(c.idleUsdPerMwMonth)} (discounted).`;

const LABEL = { fill: "#1f2328", fontSize: 10, stroke: "white", strokeWidth: 3, paintOrder: "stroke" } as const;

const strategyColors = (names: string[]) => ({ domain: names, range: names.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]) });

export const strategyCost = defineChart<CompareReport>({
  id: "strategy-cost",
  title: "Build strategies under uncertain demand: cost of shortfall and idle capacity, USD billions",
  data: (c) =>
    fromRecords(
      ["strategy", "meanCostUsd", "p5CostUsd", "p95CostUsd", "probabilityBestFraction"],
      c.strategies.map((s) => ({ strategy: s.name, meanCostUsd: s.costUsd.mean, p5CostUsd: s.costUsd.percentiles.p5, p95CostUsd: s.costUsd.percentiles.p95, probabilityBestFraction: s.probabilityBest })),
    ),
  figure: (t, c) => {
    const rows = records(t).map((x) => ({
      strategy: String(x.strategy),
      mean: toBillions(num(x.meanCostUsd)),
      p5: toBillions(num(x.p5CostUsd)),
      p95: toBillions(num(x.p95CostUsd)),
      label: `mean ${fmt(toBillions(num(x.meanCostUsd)), 1)} · best on ${fmt(num(x.probabilityBestFraction) * 100)} % of paths`,
    }));
    return {
      subtitle: "Bars: expected (mean) cost over the demand paths; whiskers: p5 to p95.",
      plot: {
        height: 50 + rows.length * 44,
        marginLeft: 100,
        marginRight: 16,
        x: { label: "Discounted cost (USD billions)", grid: true, nice: true, zero: true },
        y: { label: null, domain: rows.map((x) => x.strategy) },
        color: strategyColors(rows.map((x) => x.strategy)),
        marks: [
          Plot.barX(rows, { y: "strategy", x: "mean", fill: "strategy", fillOpacity: 0.8, insetTop: 6, insetBottom: 14 }),
          Plot.link(rows, { y1: "strategy", y2: "strategy", x1: "p5", x2: "p95", stroke: "#1f2328", markerStart: "tick", markerEnd: "tick" }),
          Plot.text(rows, { y: "strategy", x: 0, text: "label", textAnchor: "start", dx: 4, dy: 14, fill: "#1f2328", fontSize: 10 }),
          Plot.ruleX([0]),
        ],
      },
      note: note(c),
    };
  },
});

export const strategyRegret = defineChart<CompareReport>({
  id: "strategy-regret",
  title: "Regret of each strategy (its cost minus the best strategy's on the same path), USD billions",
  data: (c) =>
    fromRecords(
      ["strategy", "meanRegretUsd", "p95RegretUsd"],
      c.strategies.map((s) => ({ strategy: s.name, meanRegretUsd: s.regretUsd.mean, p95RegretUsd: s.regretUsd.percentiles.p95 })),
    ),
  figure: (t, c) => {
    const rows = records(t).flatMap((x) => [
      { strategy: String(x.strategy), stat: "mean regret", value: toBillions(num(x.meanRegretUsd)) },
      { strategy: String(x.strategy), stat: "p95 regret", value: toBillions(num(x.p95RegretUsd)) },
    ]);
    const names = records(t).map((x) => String(x.strategy));
    return {
      legend: [
        { label: "mean regret", color: "#4269d0" },
        { label: "p95 regret (1 path in 20 is worse)", color: "#a9bdf0" },
      ],
      plot: {
        height: 50 + names.length * 44,
        marginLeft: 100,
        marginRight: 16,
        x: { label: "Regret (USD billions)", grid: true, nice: true, zero: true },
        y: { label: null, domain: names },
        color: { domain: ["mean regret", "p95 regret"], range: ["#4269d0", "#a9bdf0"] },
        marks: [
          Plot.barX(rows.filter((x) => x.stat === "p95 regret"), { y: "strategy", x: "value", fill: "stat", insetTop: 6, insetBottom: 6 }),
          Plot.barX(rows.filter((x) => x.stat === "mean regret"), { y: "strategy", x: "value", fill: "stat", insetTop: 13, insetBottom: 13 }),
          Plot.ruleX([0]),
        ],
      },
      note: note(c),
    };
  },
});

export const newsvendorCurve = defineChart<CompareReport>({
  id: "newsvendor",
  title: "The asymmetric bet: optimal IT capacity for the ratio of shortfall to idle cost, MW",
  data: (c) =>
    fromRecords(
      ["costRatio", "criticalRatioFraction", "optimalCapacityMw"],
      c.newsvendor.curve.map((p) => ({ costRatio: p.ratio, criticalRatioFraction: p.criticalRatio, optimalCapacityMw: p.optimalCapacityMw })),
    ),
  figure: (t, c) => {
    const curve = records(t).map((x) => ({ ratio: num(x.costRatio), mw: num(x.optimalCapacityMw) }));
    const plan = c.newsvendor.plan;
    const at = c.newsvendor.atCosts;
    const points = [
      { ratio: at.ratio, mw: at.optimalCapacityMw, label: `at the stated costs: ${fmt(at.optimalCapacityMw)} MW` },
      ...(!plan.impliedRatioIsLowerBound && plan.impliedRatio > 0 ? [{ ratio: plan.impliedRatio, mw: plan.capacityMw, label: `the plan: optimal if shortfall costs ${fmt(plan.impliedRatio, 1)} × idle` }] : []),
    ];
    const ratios = [...curve.map((x) => x.ratio), ...points.map((x) => x.ratio)];
    return {
      subtitle: `Optimal capacity = demand quantile at shortfall ÷ (shortfall + idle). Plan at the end of ${c.targetYear}: ${fmt(plan.capacityMw)} MW (demand quantile ${fmt(plan.demandQuantile, 3)}).`,
      legend: [
        { label: "optimal capacity", color: "#4269d0", kind: "line" },
        { label: `plan at the end of ${c.targetYear}`, color: "#ff725c", kind: "dash" },
        { label: "at the stated costs / the plan's implied ratio", color: "#1f2328", kind: "dot" },
      ],
      plot: {
        height: 280,
        marginLeft: 60,
        marginRight: 20,
        x: { type: "log", label: "Shortfall cost ÷ idle cost per MW-month (log scale)", domain: [Math.min(...ratios), Math.max(...ratios)], tickFormat: "~g" },
        y: { label: `IT capacity at the end of ${c.targetYear} (MW)`, grid: true, nice: true, zero: true },
        marks: [
          Plot.lineY(curve, { x: "ratio", y: "mw", stroke: "#4269d0", strokeWidth: 2 }),
          Plot.dot(curve, { x: "ratio", y: "mw", fill: "#4269d0", r: 2.5 }),
          Plot.ruleY([plan.capacityMw], { stroke: "#ff725c", strokeDasharray: "5 3" }),
          Plot.dot(points, { x: "ratio", y: "mw", fill: "#1f2328", r: 4.5 }),
          Plot.text(points.slice(0, 1), { x: "ratio", y: "mw", text: "label", dx: 8, dy: 12, textAnchor: "start", ...LABEL }),
          Plot.text(points.slice(1), { x: "ratio", y: "mw", text: "label", dx: -8, dy: 14, textAnchor: "end", ...LABEL }),
          Plot.ruleY([0], { stroke: MUTED }),
        ],
      },
      note: note(c),
    };
  },
});
