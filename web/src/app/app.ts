/**
 * The page: the scenario (one YAML text, with undo and redo, mirrored in the URL), the editor (form and YAML), and
 * the results. Every edit runs the quick pass at once (monthly model and finance, no weather) and, after a short
 * pause, the hourly pass with the bundled weather; both run in a Web Worker and newer edits supersede older passes.
 */
import { type RunResult, hourlyPowerTable, referenceData } from "../../../src/index.ts";
import { hourlyCharts, runCharts } from "../../../src/visual.ts";
import type { HourlyPower } from "../../../src/index.ts";
import { parseDocument } from "yaml";
import { type FormEdit, ScenarioForm } from "../editor/form.ts";
import { deleteIn, setIn } from "../editor/yaml-edit.ts";
import { YamlView } from "../editor/yaml-view.ts";
import { ModelClient, newMcWorker, newModelWorker } from "../model/client.ts";
import type { ShardWorker } from "../model/mc-executor.ts";
import type { Doc, ModelResponse } from "../model/protocol.ts";
import { PRESETS, type Preset, presetOfText } from "../presets/index.ts";
import { ClaimsView, CompareView, PeersView } from "../views/analyses.ts";
import { ChartGrid } from "../views/charts.ts";
import { csvButton, download, fmt, h } from "../views/dom.ts";
import { MonteCarloView } from "../views/monte-carlo.ts";
import { SummaryView } from "../views/summary.ts";
import { History } from "./history.ts";
import { Tabs } from "./tabs.ts";
import { Timings, percentile } from "./timing.ts";
import { hashFor } from "./url-state.ts";

/** Run charts drawn from the hourly pass (the quick pass dispatches no weather). */
const HOURLY_RUN_CHARTS = new Set(["power-supply-by-source", "cfe-score", "emissions", "lifecycle-emissions"]);
const FULL_PASS_DELAY_MS = 300;
const HASH_DELAY_MS = 400;
const BENCH_RUNS = 50;
const BENCH_WARMUP_RUNS = 5;

export class App {
  private text = "";
  private name = "scenario.yaml";
  private rev = 0;
  private history = new History("");
  private quick: RunResult | null = null;
  private full: { rev: number; result: RunResult | null } | null = null;
  private readonly timings = new Timings();
  private warm = false;
  private fullTimer: ReturnType<typeof setTimeout> | null = null;
  private hashTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly shown = { claims: -1, compare: -1, peers: -1 };
  private readonly dataRoot = new URL("data/", document.baseURI).href;

  private readonly quickClient = new ModelClient(newModelWorker());
  private readonly analysisClient = new ModelClient(newModelWorker());
  private readonly yaml = new YamlView({ onText: (t) => this.setText(t, "yaml", "yaml"), onUndo: () => this.undo(), onRedo: () => this.redo(), onReveal: () => (this.showEditor(true), this.editorTabs.select("yaml", false)) });
  private readonly form = new ScenarioForm((e, key) => this.applyEdit(e, key), referenceData);
  private readonly summary = new SummaryView();
  private readonly runGrid = new ChartGrid<RunResult>(runCharts, { csvPrefix: "", pendingText: (id) => (HOURLY_RUN_CHARTS.has(id) ? "Waiting for the hourly power pass…" : "Waiting for results…") });
  private readonly hourlyGrid = new ChartGrid<HourlyPower>(hourlyCharts, { csvPrefix: "hourly-", pendingText: () => "Waiting for the hourly power pass…" });
  private readonly hourlyInfo = h("div", { id: "hourly-info" }, h("p", {}, "Waiting for the hourly power pass…"));
  private readonly mc = new MonteCarloView(() => this.doc(), () => newMcWorker() as unknown as ShardWorker, this.dataRoot);
  private readonly compare = new CompareView((o) => this.runCompare(o));
  private readonly claims = new ClaimsView();
  private readonly peers = new PeersView();
  private readonly status = h("p", { class: "status", id: "status", role: "status", "aria-live": "polite" }, "Starting the model…");
  private readonly hourlyStatus = h("span", { id: "hourly-status" });
  private readonly presetSelect = h("select", { id: "preset", "aria-label": "Start from a scenario" }, ...PRESETS.map((p) => h("option", { value: p.id }, p.label)), h("option", { value: "", disabled: true }, "(edited)"));
  private readonly undoButton = h("button", { type: "button", id: "undo", onclick: () => this.undo(), title: "Undo (Ctrl+Z)" }, "Undo");
  private readonly redoButton = h("button", { type: "button", id: "redo", onclick: () => this.redo(), title: "Redo (Ctrl+Shift+Z)" }, "Redo");
  private readonly benchOut = h("span", { id: "bench-result", role: "status" });
  /** shows or hides the editor on narrow screens (where the results come first into view when it is hidden) */
  private readonly editorToggle = h("button", { type: "button", id: "editor-toggle", class: "small", "aria-controls": "editor-content", "aria-expanded": "true", onclick: () => this.showEditor(this.editorToggle.getAttribute("aria-expanded") !== "true") }, "Hide editor");
  private editorTabs!: Tabs;
  private resultTabs!: Tabs;

  mount(root: HTMLElement): void {
    const fileInput = h("input", { type: "file", id: "import-file", accept: ".yaml,.yml,.json,text/yaml,application/json", hidden: true });
    fileInput.addEventListener("change", async () => {
      const file = fileInput.files?.[0];
      // JSON is YAML: the page keeps every document as YAML, so form edits stay valid whatever the file was
      if (file) this.load(await file.text(), file.name.replace(/\.json$/i, ".yaml"));
      fileInput.value = "";
    });
    this.presetSelect.addEventListener("change", () => {
      const p = PRESETS.find((x) => x.id === this.presetSelect.value);
      if (p) this.loadPreset(p);
    });
    this.editorTabs = new Tabs("Scenario editor", [
      { id: "form", label: "Form", panel: h("div", {}, h("p", { class: "note" }, "The inputs people change most; everything else is in the YAML."), this.form.element) },
      { id: "yaml", label: "YAML", panel: h("div", {}, h("label", { for: "yaml", class: "sr-only" }, "Scenario YAML"), this.yaml.textarea) },
    ]);
    this.resultTabs = new Tabs("Results", [
      { id: "results", label: "Results", panel: h("div", {}, this.summary.element, this.runGrid.element, this.summary.tables) },
      { id: "hourly", label: "Hourly power", panel: h("div", {}, h("h2", {}, "One site-year hour by hour"), this.hourlyInfo, this.hourlyGrid.element) },
      { id: "montecarlo", label: "Monte Carlo", panel: this.mc.element },
      { id: "strategies", label: "Strategies", panel: this.compare.element },
      { id: "claims", label: "Claims", panel: this.claims.element },
      { id: "peers", label: "Peers", panel: this.peers.element },
    ], () => this.refreshAnalyses());
    root.replaceChildren(
      h("a", { class: "skip-link", href: "#results" }, "Skip to the results"),
      h(
        "header",
        { class: "topbar" },
        h("h1", {}, "gigaplan ", h("small", {}, "AI-infrastructure program planner")),
        h(
          "div",
          { class: "toolbar", role: "toolbar", "aria-label": "Scenario" },
          this.presetSelect,
          this.undoButton,
          this.redoButton,
          h("button", { type: "button", id: "import", onclick: () => fileInput.click() }, "Import YAML"),
          fileInput,
          h("button", { type: "button", id: "export-yaml", onclick: () => download(this.name.replace(/\.(json|ya?ml)$/i, "") + ".yaml", this.text, "application/yaml") }, "Export YAML"),
          h("button", { type: "button", id: "copy-link", onclick: () => void this.copyLink() }, "Copy link"),
        ),
        this.status,
      ),
      h(
        "main",
        { class: "layout" },
        h(
          "section",
          { class: "panel editor-panel", "aria-labelledby": "editor-h" },
          h("div", { class: "editor-head" }, h("h2", { id: "editor-h" }, "Scenario"), this.editorToggle),
          this.yaml.elements()[0],
          h(
            "div",
            { id: "editor-content", class: "editor-content" },
            this.editorTabs.list,
            h("div", { class: "diag-box" }, this.yaml.elements()[1]),
            h("div", { class: "editor-body" }, ...this.editorTabs.panels),
          ),
        ),
        h("section", { class: "panel", id: "results", "aria-label": "Results", tabindex: -1 }, this.resultTabs.list, ...this.resultTabs.panels),
      ),
      h(
        "footer",
        { class: "footer" },
        h("p", {}, "The model runs in your browser (Web Workers), from the same source as the gigaplan command line; weather and grid files come from this site. Nothing is uploaded: the scenario lives in this page's address (#…)."),
        h("p", {}, h("button", { type: "button", id: "bench", class: "small", onclick: () => void this.bench() }, `Measure the quick pass (${BENCH_RUNS} runs)`), " ", this.benchOut, " ", this.hourlyStatus),
      ),
    );
    this.showEditor(!window.matchMedia("(max-width: 979px)").matches);
    window.addEventListener("keydown", (e) => {
      if (e.target === this.yaml.textarea || !(e.ctrlKey || e.metaKey) || (e.target as HTMLElement).tagName === "INPUT") return;
      if (e.key.toLowerCase() === "z") {
        e.preventDefault();
        if (e.shiftKey) this.redo();
        else this.undo();
      }
    });
  }

  showEditor(on: boolean): void {
    this.editorToggle.setAttribute("aria-expanded", String(on));
    this.editorToggle.textContent = on ? "Hide editor" : "Edit the scenario";
    document.getElementById("editor-content")?.classList.toggle("collapsed", !on);
  }

  /** The last Monte Carlo run of the page (samples and report), or null. */
  lastSimulation() {
    return this.mc.last;
  }

  doc(): Doc {
    return { text: this.text, name: this.name };
  }

  /** A new document (preset, file, link): undo can still go back to the previous one. */
  load(text: string, name: string): void {
    this.name = name;
    this.setText(text, "load", null);
  }

  loadPreset(p: Preset): void {
    this.load(p.text, p.fileName);
  }

  private setText(text: string, source: "yaml" | "form" | "history" | "load", key: string | null): void {
    if (text === this.text && source !== "load") return;
    if (this.rev === 0) this.history = new History(text);
    else if (source === "load") this.history.replace(text);
    else if (source !== "history") this.history.push(text, key);
    this.text = text;
    this.rev++;
    if (source !== "yaml") this.yaml.setValue(text);
    const parsed = parseDocument(text, { uniqueKeys: false });
    this.form.update(parsed.errors.length > 0 ? null : parsed.toJS({ maxAliasCount: 100 }));
    const preset = presetOfText(text);
    this.presetSelect.value = preset?.id ?? "";
    if (preset) this.name = preset.fileName;
    this.undoButton.disabled = !this.history.canUndo;
    this.redoButton.disabled = !this.history.canRedo;
    this.scheduleHash(preset?.id ?? null);
    void this.runQuick();
    if (this.fullTimer) clearTimeout(this.fullTimer);
    this.fullTimer = setTimeout(() => void this.runFull(), source === "load" ? 0 : FULL_PASS_DELAY_MS);
    this.runGrid.setStale(true, (id) => HOURLY_RUN_CHARTS.has(id));
    this.hourlyGrid.setStale(true);
    this.mc.markStale(true);
    this.compare.markStale();
    this.refreshAnalyses();
  }

  private applyEdit(e: FormEdit, key: string): void {
    try {
      const text = "remove" in e ? deleteIn(this.text, e.path) : setIn(this.text, e.path, e.value);
      this.setText(text, "form", key);
    } catch (err) {
      this.status.textContent = `That edit could not be applied to the YAML: ${(err as Error).message}`;
    }
  }

  undo(): void {
    const t = this.history.undo();
    if (t !== null) this.setText(t, "history", null);
  }

  redo(): void {
    const t = this.history.redo();
    if (t !== null) this.setText(t, "history", null);
  }

  private scheduleHash(presetId: string | null): void {
    if (this.hashTimer) clearTimeout(this.hashTimer);
    const text = this.text;
    this.hashTimer = setTimeout(async () => {
      const hash = await hashFor(text, presetId);
      if (text === this.text && location.hash !== hash) history.replaceState(null, "", hash);
    }, HASH_DELAY_MS);
  }

  private async copyLink(): Promise<void> {
    const hash = await hashFor(this.text, presetOfText(this.text)?.id ?? null);
    history.replaceState(null, "", hash);
    try {
      await navigator.clipboard.writeText(location.href);
      this.status.textContent = "Link copied: it holds the whole scenario.";
    } catch {
      this.status.textContent = `Copy this link: ${location.href}`;
    }
  }

  private failure(r: ModelResponse | null): string | null {
    return r && "failure" in r ? r.failure : null;
  }

  private async runQuick(): Promise<void> {
    const rev = this.rev;
    const sent = performance.now();
    const r = await this.quickClient.request({ kind: "quick", rev, doc: this.doc() });
    if (!r || rev !== this.rev) return;
    if ("failure" in r) {
      this.status.textContent = `The model failed: ${r.failure}`;
      return;
    }
    const roundTripMs = performance.now() - sent;
    // the first pass of a worker includes loading and compiling the model: shown, but not counted in the figures
    const cold = !this.warm;
    this.warm = true;
    if (!cold) this.timings.add(r.ms);
    const result = r.outcome.result;
    if (result) this.quick = result;
    const full = this.full?.rev === rev ? this.full.result : null;
    this.summary.update(result, full, result ? null : "The scenario has errors (listed beside the editor): the results shown are from its last valid version.");
    this.runGrid.update(result ?? this.quick, (id) => !HOURLY_RUN_CHARTS.has(id));
    this.runGrid.setStale(!result, (id) => !HOURLY_RUN_CHARTS.has(id));
    if (this.full?.rev !== rev) this.yaml.showDiagnostics(r.outcome.diagnostics);
    const p = this.timings.count >= 5 ? ` · p50 ${fmt(this.timings.p(50))} / p95 ${fmt(this.timings.p(95))} ms over the last ${this.timings.count} edits` : "";
    this.status.replaceChildren(cold ? "Model started; first pass in " : "Recomputed in ", h("strong", { id: "recompute-ms" }, `${fmt(r.ms)} ms`), ` (${fmt(roundTripMs)} ms with messaging)${p}`);
    document.body.dataset.quickRev = String(rev);
  }

  private async runFull(): Promise<void> {
    const rev = this.rev;
    this.hourlyStatus.textContent = "Hourly power pass running…";
    const r = await this.analysisClient.request({ kind: "full", rev, doc: this.doc(), dataRoot: this.dataRoot });
    if (!r || rev !== this.rev) return;
    if ("failure" in r) {
      this.hourlyStatus.textContent = `The hourly pass failed: ${r.failure}`;
      return;
    }
    const result = r.outcome.result;
    this.full = { rev, result };
    this.yaml.showDiagnostics(r.outcome.diagnostics);
    if (result) {
      this.summary.update(this.quick, result, null);
      this.runGrid.update(result, (id) => HOURLY_RUN_CHARTS.has(id));
      this.runGrid.setStale(false, (id) => HOURLY_RUN_CHARTS.has(id));
    }
    this.showHourly(r.hourly);
    this.hourlyStatus.textContent = `Hourly power pass: ${fmt(r.ms)} ms (of which the hours of one site-year ${fmt(r.hourlyMs)} ms).`;
    document.body.dataset.fullRev = String(rev);
  }

  private showHourly(hourly: Extract<ModelResponse, { kind: "full"; outcome: unknown }>["hourly"]): void {
    const value = hourly?.outcome.value ?? null;
    this.hourlyGrid.update(value);
    this.hourlyGrid.setStale(false);
    const powerTable = this.full?.result?.tables.powerSitesYearly;
    this.hourlyInfo.replaceChildren(
      h("p", {}, value ? `${value.site}, ${value.year}: the first complete year of operation of the first site with a power block. Profiles: ${Object.values(value.sources).join("; ")}.` : "No site of this scenario has a `power` block with load, so no hours were dispatched."),
      h("div", { class: "controls" }, value ? csvButton(`hourly-${value.site}-${value.year}.csv`, () => hourlyPowerTable(value), "Download the 8,760 hours (CSV)") : null, powerTable ? csvButton("powerSitesYearly.csv", () => powerTable, "Download site-years (CSV)") : null),
    );
  }

  private refreshAnalyses(): void {
    const tab = this.resultTabs?.current;
    if (tab === "claims" && this.shown.claims !== this.rev) void this.runClaims();
    if (tab === "strategies" && this.shown.compare === -1) void this.runCompare(this.compare.options());
    if (tab === "peers" && this.shown.peers === -1) void this.runPeers();
  }

  private async runClaims(): Promise<void> {
    const rev = this.rev;
    this.shown.claims = rev;
    this.claims.running();
    const r = await this.analysisClient.request({ kind: "claims", rev, doc: this.doc(), dataRoot: this.dataRoot });
    if (r && !("failure" in r)) this.claims.show(r.outcome, r.ms);
    else if (this.failure(r)) this.claims.show({ value: null, diagnostics: [{ path: "(model)", severity: "error", message: this.failure(r) as string }] }, 0);
  }

  private async runCompare(o: ReturnType<CompareView["options"]>): Promise<void> {
    const rev = this.rev;
    this.shown.compare = rev;
    this.compare.running();
    const r = await this.analysisClient.request({ kind: "compare", rev, doc: this.doc(), options: o });
    if (r && !("failure" in r)) this.compare.show(r.outcome, r.ms);
  }

  private async runPeers(): Promise<void> {
    this.shown.peers = this.rev;
    const r = await this.analysisClient.request({ kind: "peers", rev: this.rev });
    if (r && !("failure" in r)) this.peers.show(r.report);
  }

  private async bench(): Promise<void> {
    this.benchOut.textContent = "Measuring…";
    const r = await this.quickClient.request({ kind: "bench", rev: this.rev, doc: this.doc(), runs: BENCH_RUNS, warmupRuns: BENCH_WARMUP_RUNS });
    if (!r || "failure" in r) return;
    const sorted = [...r.runMs].sort((a, b) => a - b);
    const at = (p: number) => percentile(sorted, p);
    this.benchOut.textContent = `Quick pass over ${sorted.length} runs (after ${BENCH_WARMUP_RUNS} warm-up runs): p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms.`;
    this.benchOut.dataset.p50 = at(50).toFixed(2);
    this.benchOut.dataset.p95 = at(95).toFixed(2);
  }
}
