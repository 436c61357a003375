/**
 * Monte Carlo over the scenario's `uncertain` block, in Web Workers: `prepareSimulation` checks the block and the
 * options, `runSimulation` fills the samples with the Web Worker executor (shards across N workers) and reports.
 * A progress bar follows the samples; Cancel terminates the workers. Charts come from `simulationCharts`.
 */
import { SAMPLING_METHODS, type SampleTable, type SamplingMethod, type SimulationReport, prepareSimulation, runSimulation, withPowerProfiles } from "../../../src/index.ts";
import { fetchInputFiles } from "../model/fetch-files.ts";
import { type SimulationChartInput, simulationCharts } from "../../../src/visual.ts";
import { CancelledError, type ShardWorker, webWorkerExecutor } from "../model/mc-executor.ts";
import type { Doc } from "../model/protocol.ts";
import { ChartGrid } from "./charts.ts";
import { fmt, h } from "./dom.ts";

export interface McRun {
  report: SimulationReport;
  table: SampleTable;
  ms: number;
  workers: number;
}

function numberField(id: string, label: string, value: number, min: number, max?: number): { el: HTMLElement; input: HTMLInputElement } {
  const input = h("input", { id, type: "number", min, max, step: 1, value, inputmode: "numeric" });
  return { el: h("label", { class: "field", for: id }, h("span", {}, label), input), input };
}

export class MonteCarloView {
  readonly element: HTMLElement;
  private readonly iterations = numberField("mc-iterations", "Iterations", 1000, 10, 100_000);
  private readonly seed = numberField("mc-seed", "Seed", 1, 0);
  private readonly workers = numberField("mc-workers", "Web Workers", Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2)), 1, 16);
  private readonly method = h("select", { id: "mc-method" }, ...SAMPLING_METHODS.map((m) => h("option", { value: m, selected: m === "lhs" }, m)));
  private readonly runButton = h("button", { type: "button", class: "primary", id: "mc-run" }, "Run simulation");
  private readonly cancelButton = h("button", { type: "button", id: "mc-cancel", disabled: true }, "Cancel");
  private readonly progress = h("progress", { id: "mc-progress", max: 1, value: 0, "aria-label": "Simulation progress" });
  private readonly status = h("p", { id: "mc-status", role: "status", "aria-live": "polite" }, "Samples the scenario's uncertain inputs (its `uncertain` block) and reports the ranges of the outputs.");
  private readonly charts = new ChartGrid<SimulationChartInput>(simulationCharts, { csvPrefix: "monte-carlo-", pendingText: () => "Run a simulation to see this chart." });
  private abort: AbortController | null = null;
  last: McRun | null = null;

  constructor(
    private readonly doc: () => Doc,
    private readonly makeWorker: () => ShardWorker,
    /** the URL of the site's /data/ folder, where the sites' weather and grid files are read (absent: no hourly profiles) */
    private readonly dataRoot?: string,
  ) {
    this.runButton.addEventListener("click", () => void this.run());
    this.cancelButton.addEventListener("click", () => this.abort?.abort());
    this.element = h(
      "section",
      { "aria-labelledby": "mc-h" },
      h("h2", { id: "mc-h" }, "Monte Carlo"),
      h(
        "div",
        { class: "controls" },
        this.iterations.el,
        this.seed.el,
        h("label", { class: "field", for: "mc-method" }, h("span", {}, "Sampling"), this.method),
        this.workers.el,
        this.runButton,
        this.cancelButton,
      ),
      this.progress,
      this.status,
      this.charts.element,
    );
    this.charts.update(null);
  }

  async run(): Promise<void> {
    const doc = this.doc();
    const options = { iterations: this.iterations.input.valueAsNumber, seed: this.seed.input.valueAsNumber, method: this.method.value as SamplingMethod };
    const planned = prepareSimulation(doc, options);
    // each iteration dispatches the sites' hourly power on the weather and grid files, as the full run does
    const prepared = planned.value && this.dataRoot ? await withPowerProfiles(planned.value, fetchInputFiles({ dataRoot: this.dataRoot })) : planned;
    if (!prepared.value) {
      const errors = prepared.diagnostics.filter((d) => d.severity === "error");
      this.status.textContent = `Cannot simulate: ${errors.map((d) => `${d.path}: ${d.message}`).join("; ")}`;
      return;
    }
    const workers = Math.max(1, Math.min(16, this.workers.input.valueAsNumber || 1));
    this.abort = new AbortController();
    this.runButton.disabled = true;
    this.cancelButton.disabled = false;
    this.progress.value = 0;
    this.element.dataset.state = "running";
    this.status.textContent = `Sampling ${fmt(options.iterations)} iterations in ${workers} Web Worker(s)…`;
    const t = performance.now();
    try {
      const run = await runSimulation(prepared.value, {
        executor: webWorkerExecutor(doc, { workers, makeWorker: this.makeWorker, dataRoot: this.dataRoot }),
        signal: this.abort.signal,
        onProgress: (done, total) => {
          this.progress.value = done / total;
          this.status.textContent = `${fmt(done)} / ${fmt(total)} samples…`;
        },
      });
      const ms = performance.now() - t;
      this.last = { report: run.report, table: run.table, ms, workers };
      const failed = run.table.failed > 0 ? ` ${fmt(run.table.failed)} samples failed (their outputs are left out).` : "";
      this.status.textContent = `Done: ${fmt(run.table.count)} samples (${options.method}, seed ${options.seed}) in ${fmt(ms / 1000, 1)} s with ${workers} Web Worker(s).${failed}`;
      this.element.dataset.state = "done";
      this.charts.update({ ...run.report, samples: run.table });
    } catch (e) {
      this.element.dataset.state = e instanceof CancelledError ? "cancelled" : "failed";
      this.status.textContent = e instanceof CancelledError ? "Cancelled: no samples kept." : `The simulation failed: ${(e as Error).message}`;
    } finally {
      this.abort = null;
      this.runButton.disabled = false;
      this.cancelButton.disabled = true;
    }
  }

  /** The scenario changed: the shown run is of an older text. */
  markStale(stale: boolean): void {
    this.charts.setStale(stale && this.last !== null);
  }
}
