/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, nothing fetched) with the headline
 * figures, every chart of the run (and of the hourly site-year, the Monte Carlo and the strategy comparison when
 * given), the key tables, the scenario with its diagnostics, the sources of the reference data and the run's
 * provenance. Charts are drawn twice, for wide screens and for phones; CSS shows one. Pure: the caller passes the
 * DOM `document` the charts are drawn with.
 */
import { type ChartSpec, compareCharts, hourlyCharts, runCharts, simulationCharts } from "../charts/index.ts";
import type { SimulationChartInput } from "../charts/simulation.ts";
import { type MetaFile, provenance as dataProvenance } from "../data/index.ts";
import type { RunResult } from "../pipeline/run.ts";
import type { HourlyPower } from "../power/site/hourly.ts";
import type { CompareReport } from "../strategy/compare.ts";
import { REPORT_CSS } from "./css.ts";
import { csvLink, esc } from "./markup.ts";
import { type RunProvenance, diagnosticsList, headline, provenanceList, sourcesList } from "./sections.ts";
import { scenarioNumbersList, siteDataTable } from "./site-data.ts";
import { keyTables } from "./tables.ts";

export type { RunProvenance } from "./sections.ts";

export interface HtmlReportInput {
  result: RunResult;
  /** the scenario file's text, shown in the report */
  scenarioText: string;
  /** the scenario file's name (as the reader would find it) */
  scenarioName: string;
  /** a Monte Carlo report, optionally with its samples (`{ ...report, samples: table }`) */
  simulation?: SimulationChartInput;
  comparison?: CompareReport;
  /** one site-year hour by hour (`hourlyPower`) */
  hourly?: HourlyPower;
  provenance: RunProvenance;
  /** provenance of the reference data (default: the data/ files the model reads, as shipped) */
  referenceProvenance?: Record<string, MetaFile>;
}

export interface HtmlReportOptions {
  document: Document;
  /** width the charts are drawn at for screens, px (default 720) */
  widthPx?: number;
  /** width the charts are drawn at for phones, px (default 380) */
  narrowWidthPx?: number;
}

/** The data files the model reads (peers and the claim checker's files are not used by a run). */
export function modelDataProvenance(): Record<string, MetaFile> {
  return Object.fromEntries(Object.entries(dataProvenance).filter(([path]) => !path.startsWith("data/peers/") && !path.startsWith("data/claims/")));
}

interface ChartGroup<I> {
  id: string;
  title: string;
  intro: string;
  charts: ChartSpec<I>[];
  input: I;
}

const RUN_GROUPS: { id: string; title: string; intro: string; charts: string[] }[] = [
  { id: "buildout", title: "Build-out", intro: "What comes online, when, and what it costs.", charts: ["mw-online-by-site", "phase-delays", "accelerators-by-generation", "capex-by-category"] },
  { id: "money", title: "Funding and returns", intro: "How the program is paid for, and the revenue it needs.", charts: ["company-cash-flows", "spv-debt-and-rent", "revenue-required"] },
  { id: "energy", title: "Energy and emissions", intro: "Electricity use, how it is supplied hour by hour, carbon-free share, CO2, and the lifecycle total with embodied carbon.", charts: ["facility-energy-by-site", "power-supply-by-source", "cfe-score", "emissions", "lifecycle-emissions"] },
];

function figure<I>(chart: ChartSpec<I>, input: I, o: Required<HtmlReportOptions>): string {
  const wide = chart.render(input, { document: o.document, widthPx: o.widthPx });
  const narrow = chart.render(input, { document: o.document, widthPx: o.narrowWidthPx });
  const link = csvLink(chart.data(input), `${chart.id}.csv`);
  const data = link ? `data: ${link}` : "data: too large to embed here";
  return `<figure class="chart" id="chart-${esc(chart.id)}"><div class="wide">${wide}</div><div class="narrow">${narrow}</div><figcaption>Chart <code>${esc(chart.id)}</code> · ${data}</figcaption></figure>`;
}

function section<I>(g: ChartGroup<I>, o: Required<HtmlReportOptions>): string {
  return `<section id="${esc(g.id)}"><h2>${esc(g.title)}</h2><p class="lede">${esc(g.intro)}</p>\n${g.charts.map((c) => figure(c, g.input, o)).join("\n")}</section>`;
}

function chartGroups(input: HtmlReportInput): ChartGroup<never>[] {
  const r = input.result;
  const placed = new Set(RUN_GROUPS.flatMap((g) => g.charts));
  const groups: ChartGroup<unknown>[] = RUN_GROUPS.map((g) => ({ ...g, charts: runCharts.filter((c) => g.charts.includes(c.id)) as ChartSpec<unknown>[], input: r }));
  const rest = runCharts.filter((c) => !placed.has(c.id));
  if (rest.length) groups.push({ id: "more", title: "More charts", intro: "", charts: rest as ChartSpec<unknown>[], input: r });
  if (input.hourly) {
    const h = input.hourly;
    groups.push({ id: "hourly", title: `Hour by hour: ${h.site}, ${h.year}`, intro: "The 8,760 hours of one site-year as the model dispatches them; the annual sums are this site-year's row of the power table.", charts: hourlyCharts as ChartSpec<unknown>[], input: h });
  }
  if (input.simulation) {
    const s = input.simulation;
    groups.push({ id: "uncertainty", title: "Uncertainty (Monte Carlo)", intro: `${s.iterations.toLocaleString("en-US")} samples of the scenario's uncertain inputs; outputs at the end of ${s.targetYear} or over the horizon.`, charts: simulationCharts as ChartSpec<unknown>[], input: s });
  }
  if (input.comparison) {
    groups.push({ id: "strategies", title: "Build strategies under uncertain demand", intro: "Aggressive, staged and just-in-time building priced against sampled demand paths.", charts: compareCharts as ChartSpec<unknown>[], input: input.comparison });
  }
  return groups as ChartGroup<never>[];
}

/** The whole report as one HTML document. */
export function renderHtmlReport(input: HtmlReportInput, options: HtmlReportOptions): string {
  const o: Required<HtmlReportOptions> = { widthPx: 720, narrowWidthPx: 380, ...options };
  const r = input.result;
  const s = r.summary;
  const files = input.referenceProvenance ?? modelDataProvenance();
  const groups = chartGroups(input);
  const toc = [
    ["headline", "Headline"],
    ...groups.map((g) => [g.id, g.title]),
    ["tables", "Tables"],
    ["scenario", "Scenario"],
    ["sources", "Sources"],
    ["provenance", "Provenance"],
  ];
  const title = `${s.scenarioName}: gigaplan report`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gigaplan ${esc(input.provenance.gigaplanVersion)}">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${esc(s.scenarioName)}</h1>
<p class="lede">A gigaplan model run of <code>${esc(input.scenarioName)}</code>, ${esc(s.horizon.startMonth)} to ${esc(s.horizon.endMonth)}, money in nominal US dollars (base year ${esc(s.currencyBaseYear)}). Every number comes from the scenario and from the reference data listed under <a href="#sources">Sources</a>; the scenario marks its own assumptions.</p>
<p class="meta">gigaplan ${esc(input.provenance.gigaplanVersion)} · scenario ${esc(input.provenance.scenarioHashAlgorithm)} <code>${esc(input.provenance.scenarioHash)}</code></p>
</header>
<nav class="toc" aria-label="Contents">${toc.map(([id, t]) => `<a href="#${esc(id)}">${esc(t)}</a>`).join(" ")}</nav>
<section id="headline"><h2>Headline</h2>${headline(r, input.simulation)}</section>
${groups.map((g) => section(g, o)).join("\n")}
<section id="tables"><h2>Tables</h2><p class="lede">The key tables of the run; <code>gigaplan run ${esc(input.scenarioName)} --out DIR</code> writes all of them as CSV.</p>
${keyTables(r)}
</section>
<section id="scenario"><h2>Scenario and diagnostics</h2>
<h3>Diagnostics</h3>
${diagnosticsList(r.diagnostics)}
<details open><summary>Scenario file <code>${esc(input.scenarioName)}</code></summary><pre class="scenario">${esc(input.scenarioText)}</pre></details>
</section>
<section id="sources"><h2>Sources</h2>
${r.provenance ? `${siteDataTable(r.provenance)}\n${scenarioNumbersList(r.provenance)}` : ""}
<h3>Reference data</h3><p class="lede">Each data file of gigaplan with its sources, dates and licences (defaults the scenario did not override); <code>gigaplan sources</code> lists every number with its own source.</p>
${sourcesList(files)}
</section>
<section id="provenance"><h2>Provenance</h2>
${provenanceList({ scenarioName: input.scenarioName, provenance: input.provenance, files, simulation: input.simulation, comparison: input.comparison, hourly: input.hourly })}
</section>
</main>
</body>
</html>
`;
}
