/**
 * Hourly charts of one site-year (`hourlyPower`): a day × hour heatmap of the carbon-free share of load, and the
 * dispatch of one week stacked by source. The heatmap's 8,760 cells are one inline PNG placed with Plot's scales.
 */
import * as Plot from "@observablehq/plot";
import { DAYS_IN_MONTH } from "../core/calendar.ts";
import type { HourlyPower } from "../power/site/hourly.ts";
import { defineChart, fmt, fromRecords, num, toPercent } from "./chart.ts";
import { type Series, colorScale, legendOf } from "./marks.ts";
import { base64, encodeIndexedPng, parseColor } from "./png.ts";
import { SINKS, SUPPLY } from "./run/power.ts";
import { MUTED, SVG_NS } from "./svg.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** first day of each month, counted from 0 (no leap day) */
const MONTH_START_DAYS = DAYS_IN_MONTH.map((_, m) => DAYS_IN_MONTH.slice(0, m).reduce((a, d) => a + d, 0));
const HOURS_PER_DAY = 24;

/** "12 Jul" for a day of the year counted from 0. */
export function dayLabel(day: number): string {
  let m = 11;
  while (MONTH_START_DAYS[m] > day) m--;
  return `${day - MONTH_START_DAYS[m] + 1} ${MONTHS[m]}`;
}

/** The site-year's portfolio in words, for subtitles. */
export function portfolioText(h: HourlyPower): string {
  const p = h.portfolio;
  const parts: string[] = [];
  if (p.pvMw > 0) parts.push(`PV ${fmt(p.pvMw)} MW`);
  if (p.windMw > 0) parts.push(`wind ${fmt(p.windMw)} MW`);
  if (p.firmCleanMw > 0) parts.push(`firm clean ${fmt(p.firmCleanMw)} MW`);
  if (p.batteryMw > 0) parts.push(`battery ${fmt(p.batteryMw)} MW / ${fmt(p.batteryMwh)} MWh`);
  if (p.gasMw > 0) parts.push(`gas ${fmt(p.gasMw)} MW`);
  parts.push(Number.isFinite(p.gridImportLimitMw) ? `grid import ≤ ${fmt(p.gridImportLimitMw)} MW` : "grid import unlimited");
  return parts.join(", ");
}

const sourcesNote = (h: HourlyPower): string => {
  const s = h.sources;
  const parts = [s.pv && `PV: ${s.pv}`, s.wind && `wind: ${s.wind}`, s.gridCarbon && `grid carbon: ${s.gridCarbon}`].filter(Boolean);
  return `Source: gigaplan hourly dispatch of ${h.site} in ${h.year}.${parts.length ? ` Profiles: ${parts.join("; ")}.` : ""}`;
};

/** Clean supply on site in an hour (PV + wind + firm + discharge − charge), as the 24/7 CFE score counts it. */
const cleanSupplyMw = (h: HourlyPower, i: number): number => {
  const x = h.hours;
  return x.pvMw[i] + x.windMw[i] + x.firmCleanMw[i] + x.batteryDischargeMw[i] - x.batteryChargeMw[i];
};

const CFE_SCHEME = "viridis";

export const hourlyHeatmap = defineChart<HourlyPower>({
  id: "hourly-cfe-heatmap",
  title: "Carbon-free share of load, hour by hour over one site-year, %",
  data: (h) => {
    const rows = Array.from({ length: h.hours.loadMw.length }, (_, i) => {
      const load = h.hours.loadMw[i];
      const clean = cleanSupplyMw(h, i);
      return { day: Math.floor(i / HOURS_PER_DAY) + 1, hour: i % HOURS_PER_DAY, loadMw: load, cleanSupplyMw: clean, cfeShareFraction: load > 0 ? Math.min(1, Math.max(0, clean / load)) : null };
    });
    return fromRecords(["day", "hour", "loadMw", "cleanSupplyMw", "cfeShareFraction"], rows);
  },
  figure: (t, h) => {
    const days = Math.ceil(t.rows.length / HOURS_PER_DAY);
    const scale = Plot.scale({ color: { type: "linear", domain: [0, 100], scheme: CFE_SCHEME } });
    const palette = Array.from({ length: 101 }, (_, k) => parseColor(String(scale.apply(k))));
    const noLoad: [number, number, number] = [235, 235, 235];
    const fi = t.columns.indexOf("cfeShareFraction");
    // image row = hour of day (0 at the top), column = day of the year
    const indices = new Uint8Array(days * HOURS_PER_DAY);
    t.rows.forEach((r, i) => {
      const v = r[fi];
      indices[(i % HOURS_PER_DAY) * days + Math.floor(i / HOURS_PER_DAY)] = v === null ? 101 : Math.round(toPercent(num(v)));
    });
    const href = `data:image/png;base64,${base64(encodeIndexedPng(days, HOURS_PER_DAY, indices, [...palette, noLoad]))}`;
    return {
      subtitle: `${h.site}, ${h.year}: ${portfolioText(h)}. 24/7 CFE score of the year: ${fmt(toPercent(h.metrics.scores.cfeScoreFraction), 1)} %.`,
      ramp: { label: "Clean supply on site ÷ load in the hour (%)", domain: [0, 100], color: (v) => String(scale.apply(v)), format: (v) => `${v} %` },
      plot: {
        height: 260,
        marginLeft: 44,
        marginRight: 12,
        x: { domain: [0, days], label: "Day of the year", ticks: MONTH_START_DAYS, tickFormat: (d: number) => MONTHS[MONTH_START_DAYS.indexOf(d)] ?? "" },
        y: { domain: [0, HOURS_PER_DAY], reverse: true, label: "Hour of day (local standard time)", ticks: [0, 6, 12, 18, 24] },
        marks: [Plot.frame({ stroke: MUTED, strokeOpacity: 0.4 })],
      },
      decorate: (plot, group, document) => {
        const [x0, x1] = plot.scale("x")!.range as [number, number];
        const [y0, y1] = plot.scale("y")!.range as [number, number];
        const img = document.createElementNS(SVG_NS, "image");
        const attrs: Record<string, string | number> = { x: x0, y: Math.min(y0, y1), width: x1 - x0, height: Math.abs(y1 - y0), preserveAspectRatio: "none", "image-rendering": "optimizeSpeed", style: "image-rendering:pixelated", href };
        for (const [k, v] of Object.entries(attrs)) img.setAttribute(k, String(v));
        group.insertBefore(img, group.firstChild);
      },
      note: `${sourcesNote(h)} Battery charging counts against the clean supply of its hour; grid imports count as not clean; grey: no load.`,
    };
  },
});

const WEEK_HOURS = 7 * HOURS_PER_DAY;

/**
 * First day (from 0) of the week shown: the 7 days with the most energy from gas, the grid and unserved load, the
 * hardest week for clean supply; the year's first week when no hour needs any.
 */
export function hardestWeekStartDay(h: HourlyPower): number {
  const x = h.hours;
  const days = Math.floor(x.loadMw.length / HOURS_PER_DAY);
  const daily = new Float64Array(days);
  for (let i = 0; i < days * HOURS_PER_DAY; i++) daily[Math.floor(i / HOURS_PER_DAY)] += x.gasMw[i] + x.gridImportMw[i] + x.unservedMw[i];
  let best = 0;
  let bestMwh = 0;
  for (let d = 0; d + 7 <= days; d++) {
    let mwh = 0;
    for (let k = d; k < d + 7; k++) mwh += daily[k];
    if (mwh > bestMwh * (1 + 1e-9)) [best, bestMwh] = [d, mwh];
  }
  return best;
}

const WEEK_SERIES: { key: string; series: keyof HourlyPower["hours"]; sink?: boolean }[] = [
  { key: "firmClean", series: "firmCleanMw" },
  { key: "wind", series: "windMw" },
  { key: "pv", series: "pvMw" },
  { key: "batteryDischarge", series: "batteryDischargeMw" },
  { key: "gas", series: "gasMw" },
  { key: "gridImport", series: "gridImportMw" },
  { key: "unserved", series: "unservedMw" },
  { key: "batteryCharge", series: "batteryChargeMw", sink: true },
  { key: "export", series: "exportMw", sink: true },
  { key: "curtailment", series: "curtailmentMw", sink: true },
];

export const dispatchWeek = defineChart<HourlyPower>({
  id: "dispatch-week",
  title: "Hourly dispatch of one week by source, MW",
  data: (h) => {
    const start = hardestWeekStartDay(h) * HOURS_PER_DAY;
    const rows = [];
    for (let i = start; i < start + WEEK_HOURS; i++) {
      rows.push({ hourOfYear: i, series: "load", mw: h.hours.loadMw[i] });
      for (const s of WEEK_SERIES) rows.push({ hourOfYear: i, series: s.key, mw: h.hours[s.series][i] });
    }
    return fromRecords(["hourOfYear", "series", "mw"], rows);
  },
  figure: (t, h) => {
    const [ih, is, iv] = ["hourOfYear", "series", "mw"].map((c) => t.columns.indexOf(c));
    const start = num(t.rows[0][ih]);
    const sinks = new Set(WEEK_SERIES.filter((s) => s.sink).map((s) => s.key));
    const all = t.rows.map((r) => ({ x: num(r[ih]) - start, key: String(r[is]), mw: sinks.has(String(r[is])) ? -num(r[iv]) : num(r[iv]) }));
    const present = new Set(all.filter((d) => d.key !== "load" && d.mw !== 0).map((d) => d.key));
    const series: Series[] = [...SUPPLY, ...SINKS].filter((s) => present.has(s.key));
    const keys = new Set(series.map((s) => s.key));
    // step areas: repeat the last hour at the week's end so it gets its full width
    const withEnd = <T extends { x: number }>(xs: T[]): T[] => [...xs, ...xs.filter((d) => d.x === WEEK_HOURS - 1).map((d) => ({ ...d, x: WEEK_HOURS }))];
    const areas = withEnd(all.filter((d) => keys.has(d.key)));
    const load = withEnd(all.filter((d) => d.key === "load"));
    const startDay = start / HOURS_PER_DAY;
    return {
      subtitle: `${h.site}, ${dayLabel(startDay)} – ${dayLabel(startDay + 6)} ${h.year}, the week with the most energy from gas and the grid. ${portfolioText(h)}. Charging, exports and curtailment are drawn below zero.`,
      legend: [...legendOf(series), { label: "load", color: "#1f2328", kind: "line" }],
      plot: {
        height: 300,
        marginLeft: 56,
        x: { domain: [0, WEEK_HOURS], label: "Day (hours from 00:00, local standard time)", ticks: Array.from({ length: 8 }, (_, d) => d * HOURS_PER_DAY), tickFormat: (x: number) => (x < WEEK_HOURS ? dayLabel(startDay + x / HOURS_PER_DAY) : "") },
        y: { label: "Power (MW)", grid: true, nice: true },
        color: colorScale(series),
        marks: [
          Plot.areaY(areas, { x: "x", y: "mw", fill: "key", z: "key", order: series.map((s) => s.key), curve: "step-after" }),
          Plot.lineY(load, { x: "x", y: "mw", stroke: "#1f2328", strokeWidth: 1.5, curve: "step-after" }),
          Plot.ruleY([0]),
        ],
      },
      note: sourcesNote(h),
    };
  },
});
