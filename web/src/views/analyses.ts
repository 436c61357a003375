/**
 * The analyses that run on request in the model worker: the strategy comparison (`compare`), the claim checker
 * (`checkClaims`: each claim with its verdict and arithmetic) and the hyperscaler peers (`peers`).
 */
import {
  type ClaimReport,
  type CompareOptions,
  type CompareReport,
  type Diagnostic,
  type PeersReport,
  SAMPLING_METHODS,
  STRATEGY_NAMES,
  type SamplingMethod,
  type StrategyName,
  type Table,
  peersYearsTable,
} from "../../../src/index.ts";
import { compareCharts } from "../../../src/visual.ts";
import { ChartGrid } from "./charts.ts";
import { csvButton, fmt, fmtPct, fmtUsdB, h, htmlTable } from "./dom.ts";

const problemText = (ds: readonly Diagnostic[]): string =>
  ds.filter((d) => d.severity === "error").map((d) => `${d.path}: ${d.message}`).join("; ") || "no result";

export class CompareView {
  readonly element: HTMLElement;
  private readonly paths = h("input", { id: "cmp-paths", type: "number", min: 10, max: 200000, step: 1, value: 2000, inputmode: "numeric" });
  private readonly seed = h("input", { id: "cmp-seed", type: "number", min: 0, step: 1, value: 1, inputmode: "numeric" });
  private readonly method = h("select", { id: "cmp-method" }, ...SAMPLING_METHODS.map((m) => h("option", { value: m, selected: m === "lhs" }, m)));
  private readonly strategyBoxes = STRATEGY_NAMES.map((n) => h("input", { type: "checkbox", id: `cmp-${n}`, value: n, checked: true }));
  private readonly status = h("p", { role: "status", id: "cmp-status" });
  private readonly table = h("div", {});
  private readonly charts = new ChartGrid<CompareReport>(compareCharts, { csvPrefix: "strategies-", pendingText: () => "Run the comparison to see this chart." });

  constructor(private readonly onRun: (o: CompareOptions) => void) {
    const run = h("button", { type: "button", class: "primary", id: "cmp-run", onclick: () => this.onRun(this.options()) }, "Compare strategies");
    this.element = h(
      "section",
      { "aria-labelledby": "cmp-h" },
      h("h2", { id: "cmp-h" }, "Build strategies under uncertain demand"),
      h("p", {}, "Aggressive, staged and just-in-time builds against sampled demand paths (the scenario's `uncertain.demand`): the cost of building too little against too much."),
      h(
        "div",
        { class: "controls" },
        h("label", { class: "field", for: "cmp-paths" }, h("span", {}, "Demand paths"), this.paths),
        h("label", { class: "field", for: "cmp-seed" }, h("span", {}, "Seed"), this.seed),
        h("label", { class: "field", for: "cmp-method" }, h("span", {}, "Sampling"), this.method),
        h("fieldset", { class: "inline" }, h("legend", { class: "sr-only" }, "Strategies"), ...this.strategyBoxes.map((b) => h("label", { for: b.id }, b, ` ${b.value}`))),
        run,
      ),
      this.status,
      this.table,
      this.charts.element,
    );
    this.charts.update(null);
  }

  options(): CompareOptions {
    return {
      paths: this.paths.valueAsNumber,
      seed: this.seed.valueAsNumber,
      method: this.method.value as SamplingMethod,
      strategies: this.strategyBoxes.filter((b) => b.checked).map((b) => b.value as StrategyName),
    };
  }

  running(): void {
    this.status.textContent = "Comparing…";
  }

  show(outcome: { value: CompareReport | null; diagnostics: Diagnostic[] }, ms: number): void {
    const r = outcome.value;
    if (!r) {
      this.status.textContent = `Cannot compare: ${problemText(outcome.diagnostics)}`;
      this.charts.setStale(true);
      return;
    }
    this.charts.setStale(false);
    this.status.textContent = `${fmt(r.paths)} demand paths to ${r.targetYear} in ${fmt(ms)} ms.`;
    const t: Table = {
      columns: ["strategy", "meanCostUsd", "p95CostUsd", "meanRegretUsd", "probabilityBestFraction", "meanCapacityAtTargetMw"],
      rows: r.strategies.map((s) => [s.name, s.costUsd.mean, s.costUsd.percentiles.p95, s.regretUsd.mean, s.probabilityBest, s.meanCapacityAtTargetMw]),
    };
    this.table.replaceChildren(
      h(
        "table",
        {},
        h("caption", {}, "Strategies (cost = shortfall + idle capacity, discounted)"),
        h("thead", {}, h("tr", {}, ...["strategy", "mean cost", "P95 cost", "mean regret", "P(best)", "MW at target"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, ...r.strategies.map((s) => h("tr", {}, h("td", {}, s.name), h("td", { class: "num" }, fmtUsdB(s.costUsd.mean)), h("td", { class: "num" }, fmtUsdB(s.costUsd.percentiles.p95)), h("td", { class: "num" }, fmtUsdB(s.regretUsd.mean)), h("td", { class: "num" }, fmtPct(s.probabilityBest)), h("td", { class: "num" }, fmt(s.meanCapacityAtTargetMw))))),
      ),
      csvButton("strategies.csv", () => t, "Download CSV"),
    );
    this.charts.update(r);
  }

  markStale(): void {
    this.charts.setStale(true);
  }
}

export function claimsTable(r: ClaimReport): Table {
  return {
    columns: ["id", "claim", "verdict", "detail", "test", "steps"],
    rows: r.judgments.map((j) => [j.id, j.claim, j.verdict, j.detail, j.test, j.steps.join(" | ")]),
  };
}

export class ClaimsView {
  readonly element: HTMLElement;
  private readonly status = h("p", { role: "status", id: "claims-status" }, "Checking the claims runs the scenario with its hourly power…");
  private readonly body = h("div", {});

  constructor() {
    this.element = h(
      "section",
      { "aria-labelledby": "claims-h" },
      h("h2", { id: "claims-h" }, "Claims of the reference article, checked"),
      h("p", {}, "Each numeric claim judged against gigaplan's reference data and this scenario's run; open a claim for its arithmetic and sources."),
      this.status,
      this.body,
    );
  }

  running(): void {
    this.element.classList.add("stale");
  }

  show(outcome: { value: ClaimReport | null; diagnostics: Diagnostic[] }, ms: number): void {
    this.element.classList.remove("stale");
    const r = outcome.value;
    if (!r) {
      this.status.textContent = `Cannot check the claims: ${problemText(outcome.diagnostics)}`;
      return;
    }
    const counts = Object.entries(r.counts).filter(([, n]) => n > 0).map(([v, n]) => `${n} ${v}`).join(", ");
    this.status.textContent = `${r.judgments.length} claims (${counts}); data as of ${r.dataAsOf}; checked in ${fmt(ms)} ms.`;
    this.body.replaceChildren(
      csvButton("claims.csv", () => claimsTable(r), "Download CSV"),
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { id: "claims-table" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "id"), h("th", { scope: "col" }, "claim and arithmetic"), h("th", { scope: "col" }, "verdict"))),
          h(
            "tbody",
            {},
            ...r.judgments.map((j) =>
              h(
                "tr",
                { "data-claim": j.id },
                h("td", {}, j.id),
                h(
                  "td",
                  {},
                  h(
                    "details",
                    { class: "claim" },
                    h("summary", {}, j.claim),
                    h("p", {}, h("strong", {}, "Test: "), j.test),
                    h("ol", {}, ...j.steps.map((s) => h("li", {}, s))),
                    h("p", {}, j.detail),
                    h("ul", {}, ...j.data.map((d) => h("li", {}, `${d.label}: ${d.value} — ${d.source}${d.sourced ? "" : " (estimate)"}`))),
                  ),
                ),
                h("td", {}, h("span", { class: `verdict ${j.verdict}` }, j.verdict)),
              ),
            ),
          ),
        ),
      ),
    );
  }
}

export class PeersView {
  readonly element: HTMLElement;
  private readonly body = h("div", {}, h("p", {}, "Loading…"));

  constructor() {
    this.element = h("section", { "aria-labelledby": "peers-h" }, h("h2", { id: "peers-h" }, "Hyperscaler peers: capex against revenue and operating cash flow"), this.body);
  }

  show(r: PeersReport): void {
    const t = peersYearsTable(r);
    this.body.replaceChildren(
      h("p", {}, `Source: ${r.data} (provenance in ${r.sources}).`),
      h("p", {}, `Capex on two definitions for every company, each ratio on both: ${r.capexDefinitions.exclFinanceLeases}; ${r.capexDefinitions.inclFinanceLeases}.`),
      csvButton("peers.csv", () => t, "Download CSV"),
      htmlTable(t, { caption: "Fiscal years by company (USD in billions)" }),
    );
  }
}
