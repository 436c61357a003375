/** Text and CSV views of `gigaplan sources` (pure string/table builders; the CLI prints them). */
import { formatNumber } from "../core/quantity.ts";
import type { Cell, Table } from "../core/table.ts";
import { renderTextTable } from "../core/text-table.ts";
import { type SourcesReport, profileStatus } from "../results/provenance.ts";

const grid = (headers: string[], rows: string[][], left: number[]): string =>
  renderTextTable(headers, rows, { leftColumns: left, rule: true, trimEnd: true }).join("\n");
const cut = (s: string | null, n: number): string => (s === null ? "" : s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const num = (v: number): string => formatNumber(v, 6);
const deg = (v: number): string => v.toFixed(2);

/** Every number as one table (`--format csv`): kind (reference | scenario), where, value, unit, status, source. */
export function sourcesTable(r: SourcesReport): Table {
  const columns = ["kind", "file", "path", "value", "unit", "status", "source", "url", "date", "note"];
  const rows: Cell[][] = [
    ...r.reference.map((x) => ["reference", x.file, x.path, x.value, x.unit, x.sourced ? "sourced" : "assumption", x.source, x.url, x.date, x.note] as Cell[]),
    ...r.scenario.map((x) => ["scenario", "scenario", x.path, x.value, x.unit, x.status, x.comment, null, null, null] as Cell[]),
  ];
  return { columns, rows };
}

export function renderSourcesText(r: SourcesReport, scenarioName: string): string {
  const c = r.counts;
  const out: string[] = [`Sources of ${scenarioName}`, ""];
  out.push("Weather and grid data by site (local: the site's own station or balancing authority; proxy: borrowed, flagged in the run)", "");
  const siteRows = r.sites.flatMap((s) =>
    s.profiles.length === 0
      ? [[s.site, "-", "annual averages only (no hourly profile)", "", "", "", ""]]
      : s.profiles.map((p) => [
          s.site,
          p.kind,
          p.file === null ? p.label : `${p.format}: ${cut(p.file, 60)}`,
          p.station ? `${deg(p.station.latitudeDeg)}, ${deg(p.station.longitudeDeg)}` : "",
          p.distanceKm === null ? "" : formatNumber(Math.round(p.distanceKm), 6),
          p.period,
          profileStatus(p) === "proxy" ? "PROXY" : profileStatus(p),
        ]),
  );
  out.push(grid(["site", "profile", "data", "station lat, lon", "distance km", "period", "status"], siteRows, [0, 1, 2, 5, 6]), "");
  if (r.topInputs.length === 0) out.push("Inputs that matter most: the scenario has no `uncertain` block (add one to rank its inputs).", "");
  for (const t of r.topInputs) {
    out.push(`Inputs that matter most for ${t.output} (base ${num(t.base)}, monthly model without the hourly power pass, as in simulate): each input at its p10 and p90, the others at base`, "");
    out.push(grid(["input", "p10 input", "p90 input", "output at p10", "output at p90", "swing"], t.inputs.map((b) => [b.input, num(b.lowInput), num(b.highInput), num(b.lowOutput), num(b.highOutput), num(b.swing)]), [0]), "");
  }
  const status = Object.entries(c.scenarioByStatus).map(([k, v]) => `${v} ${k}`).join(", ");
  out.push(`Scenario numbers (${r.scenario.length}: ${status || "none"}; the source is the comment nearest each number)`, "");
  out.push(grid(["path", "value", "unit", "status", "source (scenario comment)"], r.scenario.map((x) => [x.path, num(x.value), x.unit, x.status, cut(x.comment, 90)]), [0, 2, 3, 4]), "");
  out.push(`Reference data the model reads (${r.reference.length} numbers: ${c.referenceSourced} sourced, ${c.referenceAssumed} assumptions; full notes: --format json or csv)`, "");
  out.push(grid(["file", "path", "value", "unit", "status", "source", "date"], r.reference.map((x) => [x.file.replace(/^data\//, ""), x.path, num(x.value), x.unit, x.sourced ? "sourced" : "assumption", cut(x.source ?? x.note, 70), x.date ?? ""]), [0, 1, 3, 4, 5, 6]), "");
  return out.join("\n");
}
