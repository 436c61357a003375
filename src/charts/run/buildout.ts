/** Build-out charts of a run: MW online by site, phase delays, accelerators by generation, capex, facility energy. */
import * as Plot from "@observablehq/plot";
import { monthFromNumber, monthNumber } from "../../core/months.ts";
import type { RunResult } from "../../pipeline/run.ts";
import type { Cell } from "../../core/table.ts";
import { CATEGORICAL, defineChart, distinct, fromRecords, num, records, toBillions, toMillions, toTwh } from "../chart.ts";
import { type Series, legendOf, points, stackedYearBars } from "../marks.ts";
import { MUTED } from "../svg.ts";

export const sourceNote = (r: RunResult, extra = ""): string => `Source: gigaplan model run of "${r.summary.scenarioName}".${extra ? ` ${extra}` : ""}`;

const seriesOf = (keys: string[], labels: Record<string, string> = {}, colors: Record<string, string> = {}): Series[] =>
  keys.map((key, i) => ({ key, label: labels[key] ?? key, color: colors[key] ?? CATEGORICAL[i % CATEGORICAL.length] }));

export const mwOnlineBySite = defineChart<RunResult>({
  id: "mw-online-by-site",
  title: "IT power online by site, MW at year end",
  data: (r) => fromRecords(["year", "site", "itPowerMwOnline"], records(r.tables.sitesYearly)),
  figure: (t, r, w) => {
    const data = points(t, "year", "site", "itPowerMwOnline", (v) => v);
    const series = seriesOf(distinct(data.map((d) => d.key)));
    return {
      legend: legendOf(series),
      plot: stackedYearBars(data, series, "IT power online (MW)", w),
      note: sourceNote(r, "Critical IT power of the phases online at 31 December; facility power = IT × PUE."),
    };
  },
});

export const acceleratorsByGeneration = defineChart<RunResult>({
  id: "accelerators-by-generation",
  title: "Accelerators installed by generation, millions at year end",
  // the projected generations (one per refresh year after the announced roadmap) are one series
  data: (r) => fromRecords(["year", "generation", "acceleratorsInstalled"], groupProjected(records(r.tables.acceleratorsYearly))),
  figure: (t, r, w) => {
    const data = points(t, "year", "generation", "acceleratorsInstalled", toMillions);
    const series = seriesOf(distinct(data.map((d) => d.key)));
    return {
      legend: legendOf(series),
      plot: stackedYearBars(data, series, "Accelerators installed (millions)", w),
      note: sourceNote(r, "Count = IT W × fleet share ÷ all-in W per accelerator; retired vintages are replaced by the newest generation of their year (\"projected\": the generations projected past the announced roadmap, summed)."),
    };
  },
});

/** Sums the `Projected-<year>` generations of each year into one "projected" row. */
function groupProjected(rows: Record<string, Cell>[]): Record<string, Cell>[] {
  const out: Record<string, Cell>[] = [];
  const projected = new Map<Cell, Record<string, Cell>>();
  for (const row of rows) {
    if (typeof row.generation === "string" && row.generation.startsWith("Projected-")) {
      const acc = projected.get(row.year) ?? { year: row.year, generation: "projected", acceleratorsInstalled: 0 };
      acc.acceleratorsInstalled = Number(acc.acceleratorsInstalled) + Number(row.acceleratorsInstalled);
      if (!projected.has(row.year)) {
        projected.set(row.year, acc);
        out.push(acc);
      }
    } else out.push(row);
  }
  return out;
}

const CAPEX_CLASSES: Series[] = [
  { key: "shellCore", label: "shell and core", color: "#9c6b4e" },
  { key: "electricalMechanical", label: "electrical and mechanical", color: "#efb118" },
  { key: "siteLandOther", label: "site, land, other", color: "#6cc5b0" },
  { key: "it", label: "IT (servers, network)", color: "#4269d0" },
  { key: "unmodelled", label: "not in a modelled campus", color: "#a0a0a0" },
];

export const capexByCategory = defineChart<RunResult>({
  id: "capex-by-category",
  title: "Capital spending by category and year, USD billions",
  data: (r) =>
    fromRecords(
      ["year", "category", "capexUsd", "capitalPlanUsd"],
      records(r.tables.yearly).flatMap((y) => CAPEX_CLASSES.map((c) => ({ year: y.year, category: c.key, capexUsd: y[`capex_${c.key}Usd`], capitalPlanUsd: y.capitalPlanUsd }))),
    ),
  figure: (t, r, w) => {
    const data = points(t, "year", "category", "capexUsd", toBillions);
    const plan = distinct(records(t).map((x) => `${x.year}|${x.capitalPlanUsd}`))
      .map((k) => ({ year: Number(k.split("|")[0]), value: toBillions(Number(k.split("|")[1])) }))
      .filter((p) => p.value > 0);
    return {
      legend: [...legendOf(CAPEX_CLASSES), { label: "capital plan", color: "#1f2328", kind: "line" }],
      plot: stackedYearBars(data, CAPEX_CLASSES, "Capex (USD billions)", w, [Plot.tickY(plan, { x: "year", y: "value", stroke: "#1f2328", strokeWidth: 2 })]),
      note: sourceNote(r, "Facility capex spread over construction months, IT capex in the month a phase (or a refresh) comes online; capex no modelled campus explains (program.unmodelledCapex) evenly over its year; nominal USD."),
    };
  },
});

export const facilityEnergyBySite = defineChart<RunResult>({
  id: "facility-energy-by-site",
  title: "Facility electricity use by site and year, TWh",
  data: (r) => fromRecords(["year", "site", "facilityEnergyMwh"], records(r.tables.sitesYearly)),
  figure: (t, r, w) => {
    const data = points(t, "year", "site", "facilityEnergyMwh", toTwh);
    const series = seriesOf(distinct(data.map((d) => d.key)));
    return {
      legend: legendOf(series),
      plot: stackedYearBars(data, series, "Facility energy (TWh)", w),
      note: sourceNote(r, "IT MW online × utilization × hours × PUE."),
    };
  },
});

// ---------------------------------------------------------------- phase delays

const REASONS: Series[] = [
  { key: "on time", label: "on time", color: "#3ca951" },
  { key: "capital", label: "capital", color: "#ff725c" },
  { key: "interconnection", label: "interconnection", color: "#4269d0" },
  { key: "power", label: "time to power", color: "#efb118" },
  { key: "acceleratorSupply", label: "accelerator supply", color: "#a463f2" },
  { key: "horizon", label: "after the horizon", color: MUTED },
];

const monthDate = (m: string): Date => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1));

export const phaseDelays = defineChart<RunResult>({
  id: "phase-delays",
  title: "Phases online: requested vs modelled month, months late and why",
  data: (r) => {
    const afterHorizon = monthFromNumber(monthNumber(r.summary.horizon.endMonth) + 1);
    return fromRecords(
      ["site", "phase", "itPowerMw", "requestedOnlineMonth", "onlineMonth", "delayMonths", "delayReasons"],
      records(r.tables.phases).map((p) => {
        const online = p.onlineMonth === null ? afterHorizon : String(p.onlineMonth);
        return { ...p, requestedOnlineMonth: monthFromNumber(monthNumber(online) - num(p.delayMonths)), onlineMonth: p.onlineMonth };
      }),
    );
  },
  figure: (t, r, w) => {
    const afterHorizon = monthFromNumber(monthNumber(r.summary.horizon.endMonth) + 1);
    const rows = records(t).map((p) => {
      const reasons = String(p.delayReasons ?? "").split(" ").filter(Boolean);
      const delay = num(p.delayMonths);
      return {
        label: `${p.site} / ${p.phase}`,
        requested: monthDate(String(p.requestedOnlineMonth)),
        online: monthDate(p.onlineMonth === null ? afterHorizon : String(p.onlineMonth)),
        delay,
        reason: delay > 0 ? (reasons.includes("horizon") ? "horizon" : (reasons[0] ?? "on time")) : "on time",
        text: p.onlineMonth === null ? "not online in the horizon" : delay > 0 ? `+${delay} mo · ${reasons.join(", ")}` : "",
      };
    });
    const late = rows.filter((x) => x.delay > 0);
    const used = new Set(rows.map((x) => x.reason));
    // narrow charts (phones) put each phase's name above its row instead of in a left margin
    const narrow = w < 520;
    const labelPx = narrow ? 12 : Math.min(230, Math.max(...rows.map((x) => x.label.length)) * 5.8 + 12);
    return {
      subtitle: late.length === 0 ? "Every phase comes online in the month requested." : `${late.length} of ${rows.length} phases late; ○ requested, ● modelled.`,
      legend: [{ label: "requested", color: "#1f2328", kind: "ring" }, ...legendOf(REASONS.filter((s) => used.has(s.key)), "dot")],
      plot: {
        height: 40 + rows.length * (narrow ? 36 : 24),
        marginLeft: labelPx,
        marginRight: narrow ? 12 : 130,
        marginTop: narrow ? 24 : undefined,
        x: { type: "utc", label: "Online month", grid: true, inset: 10 },
        y: { label: null, domain: rows.map((x) => x.label), ...(narrow ? { axis: null } : {}) },
        color: { domain: REASONS.map((s) => s.key), range: REASONS.map((s) => s.color) },
        marks: [
          Plot.arrow(late, { x1: "requested", x2: "online", y: "label", stroke: "reason", strokeWidth: 1.5, headLength: 6, insetEnd: 5 }),
          Plot.dot(rows, { x: "requested", y: "label", r: 4.5, stroke: "#1f2328", fill: "white" }),
          Plot.dot(rows, { x: "online", y: "label", r: 4, fill: "reason" }),
          narrow
            ? Plot.text(rows, { y: "label", text: (d: (typeof rows)[number]) => (d.text ? `${d.label}: ${d.text}` : d.label), frameAnchor: "left", dy: -12, textAnchor: "start", fill: "#1f2328", fontSize: 10 })
            : Plot.text(late, { x: "online", y: "label", text: "text", dx: 8, textAnchor: "start", fill: "reason", fontSize: 10 }),
        ],
      },
      note: sourceNote(r, "A phase comes online at max(start + construction, interconnection), later when capital or accelerator supply runs short."),
    };
  },
});
