/** Plain-text rendering of a simulation report (for the terminal). */
import { renderTextTable } from "../core/text-table.ts";
import type { SimulationReport } from "../uncertainty/simulate.ts";

/** A number in the unit its name carries: $B, GW/MW, TWh, %, millions, Mt CO2, megaliters. */
const grouped = (v: number, digits: number): string => v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatValue(name: string, v: number): string {
  if (Number.isNaN(v)) return "n/a";
  if (/Usd/.test(name)) {
    const a = Math.abs(v);
    const sign = v < 0 ? "-" : "";
    if (a >= 1e9 || a === 0) return `${sign}$${grouped(a / 1e9, 1)}B`;
    if (a >= 1e6) return `${sign}$${grouped(a / 1e6, 2)}M`;
    return a >= 1e3 ? `${sign}$${grouped(a / 1e3, 1)}k` : `${sign}$${grouped(a, 2)}`;
  }
  if (/Mwh/.test(name)) return `${grouped(v / 1e6, 1)} TWh`;
  if (/Mw(?!h)/.test(name)) return Math.abs(v) >= 1000 ? `${grouped(v / 1000, 2)} GW` : `${grouped(v, 0)} MW`;
  if (/Fraction|pue/i.test(name)) return /Fraction/.test(name) ? `${(v * 100).toFixed(1)}%` : v.toFixed(3);
  if (/accelerators/i.test(name)) return `${(v / 1e6).toFixed(2)}M`;
  if (/Months/.test(name)) return `${v.toFixed(1)} mo`;
  if (/Tco2/.test(name)) return Math.abs(v) >= 1e6 ? `${grouped(v / 1e6, 2)} Mt` : `${grouped(v / 1e3, 1)} kt`;
  if (/Megaliters/.test(name)) return `${grouped(v, 0)} ML`;
  return Math.abs(v) >= 1e5 ? v.toExponential(3) : String(Number(v.toPrecision(5)));
}

const pct = (v: number): string => (Number.isNaN(v) ? "n/a" : `${(v * 100).toFixed(1)}%`);

/** First column left, the rest right-aligned, no rule. */
const table = (header: string[], rows: string[][]): string => renderTextTable(header, rows).join("\n");

export function renderSimulationReport(r: SimulationReport): string {
  const out: string[] = [];
  const range = r.sampleRange.start === 0 && r.sampleRange.end === r.iterations ? "all" : `${r.sampleRange.start}…${r.sampleRange.end - 1}`;
  out.push(`Monte Carlo: ${r.iterations.toLocaleString("en-US")} iterations, method ${r.method}, seed ${r.seed}, samples ${range}, target year ${r.targetYear}`);
  if (r.failedSamples > 0) out.push(`warning: ${r.failedSamples} sample(s) did not resolve (outputs NaN)`);
  out.push("", "Outputs");
  // per-site and per-year outputs have their own tables below
  const rows = Object.entries(r.outputs).filter(([name]) => !name.includes(":")).map(([name, s]) => [
    name,
    formatValue(name, s.mean),
    formatValue(name, s.standardError),
    formatValue(name, s.percentiles.p5),
    formatValue(name, s.percentiles.p50),
    formatValue(name, s.percentiles.p95),
    String(s.n),
  ]);
  out.push(table(["output", "mean", "std err", "p5", "p50", "p95", "n"], rows));
  out.push("", "Inputs");
  out.push(table(["input", "base", "p5", "p50", "p95"], r.inputs.map((i) => [i.path, i.baseValue === undefined ? "" : formatValue(i.path, i.baseValue), formatValue(i.path, i.stats.percentiles.p5), formatValue(i.path, i.stats.percentiles.p50), formatValue(i.path, i.stats.percentiles.p95)])));
  out.push("", "Risk");
  out.push(`  P(NPV < 0): ${pct(r.risk.probabilityNpvNegative)}`);
  const planned = r.plannedItMwAtTarget === undefined ? "" : ` (plan: ${formatValue("itPowerMw", r.plannedItMwAtTarget)})`;
  out.push(`  P(capacity shortfall at the end of ${r.targetYear}): ${pct(r.risk.probabilityCapacityShortfall)}${planned}`);
  const loss = (v: number): string => (v > 0 ? `a loss of ${formatValue("Usd", v)}` : `no loss (${formatValue("Usd", -v)} or more)`);
  out.push(`  company FCF through ${r.targetYear}: p5 ${formatValue("Usd", r.risk.fcfP5Usd)}; value at risk (95 %): ${loss(r.risk.fcfValueAtRisk95Usd)}; mean of the worst 5 %: ${formatValue("Usd", -r.risk.fcfExpectedShortfall95Usd)}`);
  const fan = (r.itPowerMwByYear ?? []).filter((y) => y.year <= r.targetYear + 4);
  if (fan.length > 0) {
    out.push("", `IT power online at year end (GW; fan over the samples; --format json for every year)`);
    const gw = (x: number): string => (x / 1000).toFixed(2);
    out.push(table(["year", "p5", "p25", "p50", "p75", "p95"], fan.map((y) => [String(y.year), gw(y.p5), gw(y.p25), gw(y.p50), gw(y.p75), gw(y.p95)])));
  }
  const late = Object.entries(r.firstPhaseDelayBySite ?? {});
  if (late.length > 0) {
    out.push("", "Time to power: each site's first phase against its requested online month");
    out.push(table(["site", "P(late)", "mean", "p50", "p95"], late.map(([site, d]) => [site, pct(d.probabilityLate), `${d.meanMonths.toFixed(1)} mo`, `${d.p50Months.toFixed(0)} mo`, `${d.p95Months.toFixed(0)} mo`])));
  }
  out.push("", "Sensitivity of npvUsd (Spearman ρ, standardized regression coefficient)");
  const rho = r.sensitivity.spearman.npvUsd;
  const src = r.sensitivity.src.npvUsd;
  const order = Object.keys(rho).sort((a, b) => Math.abs(rho[b] || 0) - Math.abs(rho[a] || 0));
  out.push(table(["input", "spearman", "SRC"], order.map((k) => [k, (rho[k] ?? NaN).toFixed(3), (src.coefficients[k] ?? NaN).toFixed(3)])));
  out.push(`  R² of the linear fit: ${Number.isNaN(src.rSquared) ? "n/a" : src.rSquared.toFixed(3)}`);
  const bars = r.sensitivity.tornado?.bars.npvUsd;
  if (bars) {
    out.push("", "Tornado of npvUsd (input at p10 / p90, others at base)");
    out.push(table(["input", "p10 → NPV", "p90 → NPV", "swing"], bars.map((b) => [b.input, formatValue("Usd", b.lowOutput), formatValue("Usd", b.highOutput), formatValue("Usd", b.swing)])));
  }
  const sobol = r.sensitivity.sobol;
  if (sobol) {
    const ix = sobol.indices.npvUsd;
    const ci = (c: [number, number]): string => `${c[0].toFixed(2)}…${c[1].toFixed(2)}`;
    out.push("", `Variance-based sensitivity of npvUsd (Sobol indices, ${sobol.baseSamples.toLocaleString("en-US")} base samples, ${sobol.evaluations.toLocaleString("en-US")} model runs)`);
    const names = Object.keys(ix).sort((a, b) => ix[b].total - ix[a].total);
    out.push(table(["input", "first", "95 % CI", "total", "95 % CI", "interaction"], names.map((k) => [k, ix[k].first.toFixed(3), ci(ix[k].firstCi), ix[k].total.toFixed(3), ci(ix[k].totalCi), ix[k].interaction.toFixed(3)])));
    const dropped = sobol.droppedRows.npvUsd;
    out.push(`  ${sobol.note}${dropped > 0 ? ` ${dropped} base row(s) left out (the output was not finite).` : ""}`);
  }
  out.push("", "Convergence of the mean of npvUsd");
  out.push(table(["samples", "mean", "std err"], r.convergence.npvUsd.map((c) => [String(c.samples), formatValue("Usd", c.mean), formatValue("Usd", c.standardError)])));
  return `${out.join("\n")}\n`;
}
