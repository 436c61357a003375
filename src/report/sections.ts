/** Report sections that are not charts: headline figures, diagnostics, reference-data sources, run provenance. */
import type { Diagnostic } from "../core/diagnostics.ts";
import type { MetaFile } from "../data/index.ts";
import type { RunResult } from "../pipeline/run.ts";
import type { HourlyPower } from "../power/site/hourly.ts";
import type { CompareReport } from "../strategy/compare.ts";
import type { SimulationReport } from "../uncertainty/simulate.ts";
import { esc, fmtNumber, pct, usdB } from "./markup.ts";

/** What identifies a report's run: the program that made it, the scenario's hash, the seed, the command. */
export interface RunProvenance {
  /** gigaplan's version (package.json), passed in by the face */
  gigaplanVersion: string;
  /** hash of the scenario file's bytes, lowercase hex */
  scenarioHash: string;
  /** how the hash was computed, e.g. "SHA-256" */
  scenarioHashAlgorithm: string;
  /** seed of the Monte Carlo and strategy runs, when any ran */
  seed?: number;
  /** the command line that made the report, for a reader who wants to rerun it */
  command?: string;
}

const lastEntry = (rec: Record<string, number>): [string, number] | null => {
  const ks = Object.keys(rec).sort();
  return ks.length ? [ks[ks.length - 1], rec[ks[ks.length - 1]]] : null;
};
const peakEntry = (rec: Record<string, number>): [string, number] | null =>
  Object.entries(rec).reduce<[string, number] | null>((best, e) => (best === null || e[1] > best[1] ? e : best), null);

const card = (value: string, label: string): string => `<div class="card"><div class="v">${esc(value)}</div><div class="k">${esc(label)}</div></div>`;

/** Headline figures as cards: what a reader asks first. */
export function headline(r: RunResult, simulation?: SimulationReport): string {
  const s = r.summary;
  const cards: string[] = [card(usdB(s.capexUsdTotal, 0), `capex ${s.horizon.startMonth} to ${s.horizon.endMonth} (nominal)`)];
  const mw = peakEntry(s.itPowerMwByYear);
  if (mw) cards.push(card(`${fmtNumber(mw[1] / 1e3, 1)} GW`, `IT power online at its peak (end of ${mw[0]})`));
  const acc = peakEntry(s.acceleratorsByYear);
  if (acc) cards.push(card(`${fmtNumber(acc[1] / 1e6, 2)} M`, `accelerators installed at the peak (end of ${acc[0]})`));
  const twh = peakEntry(s.facilityEnergyMwhByYear);
  if (twh) cards.push(card(`${fmtNumber(twh[1] / 1e6, 1)} TWh`, `facility electricity in ${twh[0]} (peak year)`));
  if (s.npvUsd !== null) cards.push(card(usdB(s.npvUsd, 0), `NPV at ${pct(s.financing.returns?.discountRateFractionPerYear ?? NaN, 0)} (economics assumption)`));
  if (s.irrFraction !== null) cards.push(card(pct(s.irrFraction), "IRR of the program"));
  const company = s.financing.company.allOperatingCashFlow;
  if (company) cards.push(card(usdB(company.peakFundingGapUsd), "peak yearly funding gap (all capex from operating cash flow)"));
  cards.push(card(fmtNumber(s.jobs.constructionPeak), "construction jobs at the peak"));
  const late = s.delays.filter((d) => d.delayMonths > 0).length;
  cards.push(card(`${late} of ${r.tables.phases.rows.length}`, "phases online later than requested"));
  const cfe = lastEntry(s.power.cfeScoreFractionByYear);
  if (cfe) cards.push(card(pct(cfe[1], 0), `24/7 carbon-free share of load, dispatched sites, ${cfe[0]}`));
  const co2 = lastEntry(s.power.locationBasedTco2ByYear);
  if (co2) cards.push(card(`${fmtNumber(co2[1] / 1e6, 1)} Mt`, `CO2 in ${co2[0]}, location-based (dispatched sites)`));
  if (simulation && simulation.outputs.npvUsd.n > 0) {
    const p = simulation.outputs.npvUsd.percentiles;
    cards.push(card(`${usdB(p.p5, 0)} to ${usdB(p.p95, 0)}`, `NPV p5 to p95 over ${fmtNumber(simulation.iterations)} Monte Carlo samples`));
    cards.push(card(pct(simulation.risk.probabilityNpvNegative), "probability that NPV < 0"));
  }
  return `<div class="cards">${cards.join("")}</div>`;
}

/** Errors and warnings listed; informational notes folded away. */
export function diagnosticsList(ds: Diagnostic[]): string {
  const item = (d: Diagnostic): string => `<li><span class="sev ${esc(d.severity)}">${esc(d.severity)}</span> <code>${esc(d.path)}</code>: ${esc(d.message)}</li>`;
  const main = ds.filter((d) => d.severity !== "info");
  const infos = ds.filter((d) => d.severity === "info");
  return [
    main.length ? `<ul class="diagnostics">${main.map(item).join("\n")}</ul>` : "<p>No errors or warnings.</p>",
    infos.length ? `<details><summary>${infos.length} note(s) on defaults and assumptions applied</summary><ul class="diagnostics">${infos.map(item).join("\n")}</ul></details>` : "",
  ].join("\n");
}

const isWebUrl = (u: string): boolean => /^https?:\/\//i.test(u);

/** Every data file the model reads, with its sources (linked where they are web pages), dates and licences. */
export function sourcesList(files: Record<string, MetaFile>): string {
  return Object.entries(files)
    .map(([path, m]) => {
      const sources = m.sources
        .map((s) => {
          const title = isWebUrl(s.url) ? `<a href="${esc(s.url)}" rel="noreferrer">${esc(s.title)}</a>` : `${esc(s.title)} (<code>${esc(s.url)}</code>)`;
          return `<li>${title}, ${esc(s.date)}; ${esc(s.license)}</li>`;
        })
        .join("\n");
      return `<details class="source" open><summary><code>${esc(path)}</code>: ${esc(m.title)} (retrieved ${esc(m.retrieved)}; ${m.sources.length} source${m.sources.length === 1 ? "" : "s"})</summary><p class="meta">Licence: ${esc(m.license)}</p><ul class="sources">${sources}</ul></details>`;
    })
    .join("\n");
}

/** Oldest and newest retrieval dates of the reference data. */
export function dataVintage(files: Record<string, MetaFile>): string {
  const dates = Object.values(files).map((m) => m.retrieved).sort();
  if (dates.length === 0) return "–";
  return dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} to ${dates[dates.length - 1]}`;
}

export interface ProvenanceContext {
  scenarioName: string;
  provenance: RunProvenance;
  files: Record<string, MetaFile>;
  simulation?: SimulationReport;
  comparison?: CompareReport;
  hourly?: HourlyPower;
}

/** How this report was made, so a reader can reproduce it. */
export function provenanceList(c: ProvenanceContext): string {
  const p = c.provenance;
  const rows: [string, string][] = [
    ["gigaplan version", esc(p.gigaplanVersion)],
    ["scenario file", `<code>${esc(c.scenarioName)}</code>`],
    [`scenario ${esc(p.scenarioHashAlgorithm)}`, `<code class="hash">${esc(p.scenarioHash)}</code>`],
    ["reference data retrieved", esc(dataVintage(c.files))],
  ];
  if (p.seed !== undefined) rows.push(["seed", esc(p.seed)]);
  if (c.simulation) rows.push(["Monte Carlo", esc(`${fmtNumber(c.simulation.iterations)} samples, method ${c.simulation.method}, seed ${c.simulation.seed}`)]);
  if (c.comparison) rows.push(["strategy comparison", esc(`${fmtNumber(c.comparison.paths)} demand paths, method ${c.comparison.method}, seed ${c.comparison.seed}`)]);
  if (c.hourly) rows.push(["hourly site-year", esc(`${c.hourly.site}, ${c.hourly.year} (8,760 hours, local standard time)`)]);
  if (p.command) rows.push(["command", `<code>${esc(p.command)}</code>`]);
  return `<dl class="prov">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>`;
}
