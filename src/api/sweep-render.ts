/** Text and table views of `sweep` and `diff` (one unit per column, thousands separators). */
import type { Table } from "../core/table.ts";
import { renderTextTable } from "../core/text-table.ts";
import type { DiffReport } from "./diff.ts";
import type { KeyOutput } from "./key-outputs.ts";
import type { SweepReport } from "./sweep.ts";

/** Column header and scale of each key output (one unit per column). */
export const KEY_OUTPUT_COLUMNS: Record<KeyOutput, { header: string; scale: number; digits: number }> = {
  capexUsdTotal: { header: "capex $B", scale: 1e-9, digits: 1 },
  refreshCapexUsdTotal: { header: "refresh capex $B", scale: 1e-9, digits: 1 },
  itPowerMwAtPlanEnd: { header: "IT MW (plan end)", scale: 1, digits: 0 },
  acceleratorsAtPlanEnd: { header: "accelerators (plan end)", scale: 1, digits: 0 },
  facilityEnergyMwhAtPlanEnd: { header: "energy TWh (plan end)", scale: 1e-6, digits: 2 },
  npvUsd: { header: "NPV $B", scale: 1e-9, digits: 1 },
  irrFraction: { header: "IRR %", scale: 100, digits: 1 },
  peakFundingGapUsd: { header: "peak funding gap $B", scale: 1e-9, digits: 1 },
  locationBasedTco2Total: { header: "CO2 Mt (location, all years)", scale: 1e-6, digits: 2 },
};

const fmt = (v: number | null, scale: number, digits: number): string =>
  v === null || !Number.isFinite(v) ? "n/a" : (v * scale).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One row per case: the swept values, then the key outputs (null outputs when the case was refused). */
export function sweepTable(r: SweepReport): Table {
  return {
    columns: [...r.parameters, ...r.outputs, "problem"],
    rows: r.cases.map((c) => [...r.parameters.map((p) => c.values[p]), ...r.outputs.map((o) => c.outputs?.[o] ?? null), c.diagnostics[0] ? `${c.diagnostics[0].path}: ${c.diagnostics[0].message}` : null]),
  };
}

export function renderSweepReport(r: SweepReport): string {
  const headers = [...r.parameters, ...r.outputs.map((o) => KEY_OUTPUT_COLUMNS[o].header)];
  const rows = r.cases.map((c) => [
    ...r.parameters.map((p) => c.values[p].toLocaleString("en-US", { maximumFractionDigits: 6 })),
    ...r.outputs.map((o) => (c.outputs ? fmt(c.outputs[o], KEY_OUTPUT_COLUMNS[o].scale, KEY_OUTPUT_COLUMNS[o].digits) : "refused")),
  ]);
  const refused = r.cases.filter((c) => c.diagnostics.length > 0).map((c) => `  ${Object.entries(c.values).map(([k, v]) => `${k}=${v}`).join(", ")}: ${c.diagnostics[0].path}: ${c.diagnostics[0].message}`);
  return [
    `gigaplan sweep — ${r.scenarioName}: ${r.cases.length.toLocaleString("en-US")} case(s) over ${r.parameters.join(" × ")}`,
    "",
    ...renderTextTable(headers, rows, { leftColumns: 0, rule: true }),
    ...(refused.length > 0 ? ["", "Refused cases:", ...refused] : []),
    "",
  ].join("\n");
}

export function renderDiffReport(r: DiffReport): string {
  const show = (v: unknown): string => (typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 6 }) : JSON.stringify(v));
  const inputs = r.inputs.length === 0 ? ["  (none: the two scenarios are the same after defaults)"] : r.inputs.map((c) => `  ${c.path}: ${show(c.a)} -> ${show(c.b)}`);
  const rows = r.outputs.map((o) => {
    const col = KEY_OUTPUT_COLUMNS[o.output];
    return [col.header, fmt(o.a, col.scale, col.digits), fmt(o.b, col.scale, col.digits), fmt(o.change, col.scale, col.digits), o.relativeChange === null ? "n/a" : `${o.relativeChange >= 0 ? "+" : ""}${(o.relativeChange * 100).toFixed(1)} %`];
  });
  return [
    `gigaplan diff — A: ${r.a}   B: ${r.b}`,
    "",
    `Inputs that differ (after defaults; ${r.inputs.length}):`,
    ...inputs,
    "",
    "Key outputs:",
    ...renderTextTable(["output", "A", "B", "B - A", "change"], rows, { rule: true }),
    "",
  ].join("\n");
}
