/**
 * A grid of charts from the API's chart registries (`ChartSpec`: `data(input)` → the table behind the chart,
 * `render(input, { document, widthPx })` → SVG). Each chart has a CSV button for its table. Charts are drawn
 * one per animation frame, those near the viewport first, the others when the page is idle, so typing in the
 * editor stays responsive.
 */
import type { Table } from "../../../src/index.ts";
import type { ChartSpec } from "../../../src/visual.ts";
import { csvButton, h } from "./dom.ts";

interface Slot<I> {
  spec: ChartSpec<I>;
  figure: HTMLElement;
  plot: HTMLElement;
  /** the input drawn, and the width it was drawn at */
  drawn: { input: I | null; widthPx: number };
  visible: boolean;
}

export interface ChartGridOptions {
  /** a file-name prefix for CSV downloads */
  csvPrefix: string;
  /** text shown instead of a chart that has no input yet */
  pendingText?: (id: string) => string;
}

export class ChartGrid<I> {
  readonly element: HTMLElement;
  private readonly slots: Slot<I>[];
  private input: I | null = null;
  private readonly inputs = new Map<string, I | null>();
  private scheduled = false;
  private idle = false;
  private readonly observer: IntersectionObserver;
  /** how long the last drawn chart took, ms (for the page's timing line) */
  lastDrawMs = 0;

  constructor(
    specs: ChartSpec<I>[],
    private readonly o: ChartGridOptions,
  ) {
    this.element = h("div", { class: "charts" });
    this.observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const slot = this.slots.find((s) => s.figure === e.target);
        if (slot) slot.visible = e.isIntersecting;
      }
      this.schedule();
    }, { rootMargin: "400px 0px" });
    this.slots = specs.map((spec) => {
      const plot = h("div", { class: "plot", "data-chart": spec.id });
      const figure = h(
        "figure",
        { class: "chart", id: `chart-${spec.id}`, "aria-label": spec.title },
        h("figcaption", {}, h("span", { class: "sr-only" }, spec.title), csvButton(`${o.csvPrefix}${spec.id}.csv`, () => this.tableOf(spec))),
        plot,
      );
      this.observer.observe(figure);
      return { spec, figure, plot, drawn: { input: null, widthPx: 0 }, visible: false };
    });
    this.element.append(...this.slots.map((s) => s.figure));
    let width = 0;
    new ResizeObserver(() => {
      const w = this.element.clientWidth;
      if (Math.abs(w - width) > 8) (width = w), this.schedule();
    }).observe(this.element);
  }

  /** The table behind a chart, as drawn (or as it would be drawn now). */
  tableOf(spec: ChartSpec<I>): Table {
    const input = this.inputs.get(spec.id) ?? this.input;
    return input ? spec.data(input) : { columns: [], rows: [] };
  }

  /** Sets the input of every chart (`only`: of these chart ids; the others keep theirs). */
  update(input: I | null, only?: (id: string) => boolean): void {
    for (const s of this.slots) if (!only || only(s.spec.id)) this.inputs.set(s.spec.id, input);
    if (!only) this.input = input;
    this.schedule();
  }

  /** Marks the charts as being recomputed (or not). */
  setStale(stale: boolean, only?: (id: string) => boolean): void {
    for (const s of this.slots) if (!only || only(s.spec.id)) s.figure.classList.toggle("stale", stale);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      if (this.drawOne(true)) return;
      // nothing visible is out of date: draw the next off-screen chart when the page is idle
      if (this.idle) return;
      this.idle = true;
      const idle = (cb: () => void) => ("requestIdleCallback" in window ? requestIdleCallback(cb, { timeout: 2000 }) : setTimeout(cb, 50));
      idle(() => {
        this.idle = false;
        if (this.drawOne(false)) return;
      });
    });
  }

  private widthOf(slot: Slot<I>): number {
    return Math.max(280, Math.floor(slot.plot.clientWidth || this.element.clientWidth || 640));
  }

  private outOfDate(s: Slot<I>): boolean {
    return s.drawn.input !== (this.inputs.get(s.spec.id) ?? null) || (s.visible && Math.abs(s.drawn.widthPx - this.widthOf(s)) > 8);
  }

  /** Draws the first out-of-date chart (on screen only, or any), then schedules the next; false if none. */
  private drawOne(visibleOnly: boolean): boolean {
    const slot = this.slots.find((s) => (s.visible || !visibleOnly) && this.outOfDate(s));
    if (!slot) return false;
    const input = this.inputs.get(slot.spec.id) ?? null;
    const widthPx = this.widthOf(slot);
    const t = performance.now();
    if (input === null) slot.plot.replaceChildren(h("p", { class: "pending" }, this.o.pendingText?.(slot.spec.id) ?? "Waiting for results…"));
    else {
      try {
        slot.plot.innerHTML = slot.spec.render(input, { document, widthPx });
      } catch (e) {
        slot.plot.replaceChildren(h("p", { class: "pending" }, `This chart could not be drawn: ${(e as Error).message}`));
      }
    }
    this.lastDrawMs = performance.now() - t;
    slot.drawn = { input, widthPx };
    slot.figure.dataset.drawn = String(Number(slot.figure.dataset.drawn ?? 0) + 1);
    this.schedule();
    return true;
  }
}
