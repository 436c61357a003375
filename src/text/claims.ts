/** The `--format table` view of a claim report: a verdict table, the counts, then every claim with its arithmetic and data. */
import { renderTextTable } from "../core/text-table.ts";
import { type ClaimReport, type Judgment, VERDICTS } from "../claims/types.ts";

const wrap = (text: string, width: number, indent: string): string => {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join("\n");
};

const shortVerdict = (j: Judgment): string => {
  if (j.verdict === "off-by-factor" && j.factor !== undefined) return `off-by-factor (x${j.factor.toFixed(2)})`;
  if (j.verdict === "holds-approximately" && j.toleranceFraction !== undefined) return `holds-approximately (±${Math.round(j.toleranceFraction * 100)} %)`;
  if (j.verdict === "contested") return "contested (depends on the source)";
  return j.verdict;
};

function claimBlock(j: Judgment): string {
  const out = [`${j.id}  ${shortVerdict(j).toUpperCase()}`, wrap(`claim: ${j.claim}`, 110, "  "), wrap(`verdict: ${j.detail}`, 110, "  ")];
  if (j.interpretation) out.push(wrap(`reading: ${j.interpretation}`, 110, "  "));
  out.push(wrap(`test: ${j.test}`, 110, "  "));
  if (j.steps.length > 0) out.push("  arithmetic:", ...j.steps.map((s) => wrap(s, 106, "    ")));
  if (j.parts.length > 1) out.push("  parts:", ...j.parts.map((p) => wrap(`${p.label}: ${p.verdict} (${p.detail})`, 106, "    ")));
  const disagreeing = j.parts.filter((p) => (p.readings?.length ?? 0) > 1);
  if (disagreeing.length > 0) {
    out.push("  sources side by side:");
    for (const p of disagreeing) {
      const rows = p.readings!.map((r) => [r.value, r.verdict + (r.factor !== undefined ? ` x${r.factor.toFixed(2)}` : ""), r.asOf + (r.afterArticle ? " (after the article)" : ""), r.label]);
      out.push(`    ${p.label}:`, ...renderTextTable(["figure", "verdict", "as of", "source"], rows, { leftColumns: 4, rule: false, trimEnd: true }).map((l) => `      ${l}`));
    }
  }
  if (j.mixes && j.mixes.length > 0) out.push(...j.mixes.map((m) => wrap(`mixes ${m}`, 110, "  ")));
  out.push("  data:", ...j.data.map((d) => wrap(`${d.path} = ${d.value}${d.sourced ? "" : " [estimate]"}; ${d.kind === "data" ? `source: ${d.source}` : d.source}`, 106, "    ")));
  return out.join("\n");
}

export function renderClaimReport(r: ClaimReport): string {
  const t = r.tolerances;
  const head = [
    `Claim check of "${r.article.title}" (${r.article.publisher}, ${r.article.date})`,
    `Data as of ${r.dataAsOf}; model run: ${r.scenario}; holds within ±${t.holdsRelative * 100} %, holds-approximately within ±${t.approxRelative * 100} % (data/claims/rules.json)`,
    "",
  ];
  const table = renderTextTable(
    ["id", "verdict", "claim"],
    r.judgments.map((j) => [j.id, shortVerdict(j), j.claim.length > 90 ? `${j.claim.slice(0, 87)}...` : j.claim]),
    { leftColumns: 3, rule: true, trimEnd: true },
  ).join("\n");
  const counts = VERDICTS.filter((v) => r.counts[v] > 0).map((v) => `${r.counts[v]} ${v}`).join(", ");
  const diags = r.diagnostics.map((d) => `  ${d.severity}: ${d.path}: ${d.message}`);
  return [...head, table, "", `Verdicts (${r.judgments.length} claims): ${counts}`, ...(diags.length ? ["", "Diagnostics:", ...diags] : []), "", ...r.judgments.map(claimBlock).flatMap((b) => [b, ""])].join("\n");
}
