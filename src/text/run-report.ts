/** Human-readable report of a run (the default `--format table`). */
import { renderTextTable } from "../core/text-table.ts";
import { formatDiagnostic } from "../core/diagnostics.ts";
import type { RunResult } from "../pipeline/run.ts";
import type { Table } from "../core/table.ts";
import { renderFinancingSection } from "./financing.ts";
import { renderPowerSection } from "./power.ts";
import { renderEmissionsSection } from "./emissions.ts";
import { renderWaterSection } from "./water.ts";

const fixed = (digits: number) => (x: number): string => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** USD billions with thousands separators, one decimal: 2,422.5 */
const usdB = (x: number): string => fixed(1)(x / 1e9);
/** A signed amount in USD billions: -$227.4B */
const money = (x: number): string => `${x < 0 ? "-" : ""}$${usdB(Math.abs(x))}B`;

interface Column {
  header: string;
  source: string;
  format: (x: number) => string;
}

/** First column left, the rest right-aligned, a dashed rule under the header. */
const renderGrid = (headers: string[], rows: string[][]): string => renderTextTable(headers, rows, { rule: true }).join("\n");

function column(table: Table, name: string): number {
  const i = table.columns.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
}

function yearlyBlock(result: RunResult, lastYear: number): string {
  const t = result.tables.yearly;
  const cols: Column[] = [
    { header: "capex $B", source: "capexUsd", format: usdB },
    ...(result.summary.unmodelledCapex ? [{ header: "unmod. $B", source: "capex_unmodelledUsd", format: usdB }] : []),
    { header: "IT MW", source: "itPowerMwOnline", format: fixed(0) },
    { header: "accel. M", source: "accelerators", format: (x) => (x / 1e6).toFixed(2) },
    { header: "BF16 EFLOP/s", source: "denseBf16FlopPerS", format: (x) => fixed(0)(x / 1e18) },
    { header: "energy TWh", source: "facilityEnergyMwh", format: (x) => (x / 1e6).toFixed(1) },
    { header: "deprec. $B", source: "depreciationUsd", format: usdB },
    { header: "opex $B", source: "energyCostUsd", format: usdB },
    { header: "co. FCF $B", source: "companyFreeCashFlowUsd", format: usdB },
    { header: "constr. jobs", source: "constructionJobsPeak", format: fixed(0) },
    { header: "perm. jobs", source: "permanentJobs", format: fixed(0) },
    { header: "DC water ML", source: "waterMegaliters", format: fixed(0) },
  ];
  const idx = cols.map((c) => column(t, c.source));
  const opexCols = ["energyCostUsd", "staffCostUsd", "maintenanceCostUsd", "facilityLeaseCostUsd"].map((c) => column(t, c));
  const rows = t.rows
    .filter((r) => (r[0] as number) <= lastYear)
    .map((r) => [
      String(r[0]),
      ...cols.map((c, i) => (c.header === "opex $B" ? usdB(opexCols.reduce((s, k) => s + (r[k] as number), 0)) : c.format(r[idx[i]] as number))),
    ]);
  return renderGrid(["year", ...cols.map((c) => c.header)], rows);
}

function sitesBlock(result: RunResult, years: number[]): string {
  const t = result.tables.sitesYearly;
  const [iy, is, ig, iu, imw] = ["year", "site", "gridRegion", "gridServingUtility", "itPowerMwOnline"].map((c) => column(t, c));
  const [ishare, iushare] = ["gridRegionLoadShareFraction", "servingUtilityLoadShareFraction"].map((c) => column(t, c));
  const pct = (x: unknown): string => (typeof x === "number" ? `${(x * 100).toFixed(1)}%` : "");
  const sites = [...new Set(t.rows.map((r) => String(r[is])))];
  const rows = sites.map((site) => {
    const own = t.rows.filter((r) => r[is] === site);
    const cells = years.map((y) => {
      const r = own.find((x) => x[iy] === y);
      return r ? fixed(0)(r[imw] as number) : "";
    });
    const lastRow = own.find((x) => x[iy] === years[years.length - 1]);
    return [site, String(own[0]?.[ig] ?? ""), String(own[0]?.[iu] ?? ""), ...cells, pct(lastRow?.[iushare]), pct(lastRow?.[ishare])];
  });
  const last = years[years.length - 1];
  return renderGrid(["site", "grid", "serving utility", ...years.map((y) => `MW ${y}`), `utility share ${last}`, `region share ${last}`], rows);
}

function generationsBlock(result: RunResult, years: number[]): string {
  const s = result.summary.acceleratorsByGenerationByYear;
  const shown = Object.entries(s).filter(([, byYear]) => years.some((y) => (byYear[String(y)] ?? 0) > 0));
  const rows = shown.map(([gen, byYear]) => [gen, ...years.map((y) => fixed(0)((byYear[String(y)] ?? 0) / 1e3))]);
  const later = Object.keys(s).length - shown.length;
  const note = later > 0 ? `\n(${later} generation(s) installed only after ${years[years.length - 1]} not shown; --format json for all)` : "";
  return renderGrid(["generation (thousands)", ...years.map(String)], rows) + note;
}

export function renderTextReport(result: RunResult, options: { lastYear?: number } = {}): string {
  const s = result.summary;
  const allYears = Object.keys(s.itPowerMwByYear).map(Number);
  const lastYear = options.lastYear ?? Math.min(allYears[allYears.length - 1], allYears[0] + 9);
  const years = allYears.filter((y) => y <= lastYear);
  const out: string[] = [];
  out.push(`gigaplan — ${s.scenarioName} (nominal USD, base year ${s.currencyBaseYear}; horizon ${s.horizon.startMonth}..${s.horizon.endMonth})`);
  out.push("");
  out.push(`Capex over the horizon: ${money(s.capexUsdTotal)}  (shell & core ${usdB(s.capexUsdByCategory.shellCore)}, electrical & mechanical ${usdB(s.capexUsdByCategory.electricalMechanical)}, site/land/other ${usdB(s.capexUsdByCategory.siteLandOther)}, IT ${usdB(s.capexUsdByCategory.it)}${s.unmodelledCapex ? `, not in a modelled campus (${s.unmodelledCapex.description}) ${usdB(s.capexUsdByCategory.unmodelled)}` : ""}; of all capex, IT refreshes ${usdB(s.refreshCapexUsdTotal)} and first builds ${usdB(s.capexUsdTotal - s.refreshCapexUsdTotal)})`);
  if (s.acceleratorsPerGwIt !== null) out.push(`Accelerators per GW of IT power (fleet at horizon end): ${fixed(0)(s.acceleratorsPerGwIt)}`);
  out.push(`Jobs: construction peak ${fixed(0)(s.jobs.constructionPeak)} (${fixed(0)(s.jobs.constructionJobYears)} job-years), permanent ${fixed(0)(s.jobs.permanent)}, indirect ${fixed(0)(s.jobs.indirect)}`);
  if (s.npvUsd !== null) out.push(`Program NPV ${money(s.npvUsd)}; IRR ${s.irrFraction === null ? "n/a" : `${(s.irrFraction * 100).toFixed(1)}%`}`);
  out.push("", `By year (to ${lastYear}; --format json or --out DIR for all years):`, yearlyBlock(result, lastYear));
  out.push("", "IT MW online at year end by site (load share: facility energy over the annual load of the serving utility and of the grid region):", sitesBlock(result, years));
  out.push("", "Accelerators installed at year end by generation:", generationsBlock(result, years));
  out.push("", renderFinancingSection(result, years));
  out.push(...renderPowerSection(result.tables.powerSitesYearly, years));
  out.push(...renderEmissionsSection(s.emissions, years));
  out.push(...renderWaterSection(s.water, years));
  if (s.delays.length > 0) {
    out.push("", "Delays:");
    for (const d of s.delays) out.push(`  ${d.phase}: ${d.delayMonths} month(s) (${d.reasons.join(", ")})`);
  }
  const notes = result.diagnostics;
  if (notes.length > 0) {
    out.push("", "Diagnostics:");
    for (const d of notes) out.push(`  ${formatDiagnostic(d)}`);
  }
  return `${out.join("\n")}\n`;
}
