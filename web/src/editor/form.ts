/**
 * A form for the inputs people change most: the capital plan by year, each phase's IT MW, start and construction
 * months and fleet mix, PUE, utilization, energy price, revenue per MW-year and discount rate. It reads the parsed
 * YAML and reports edits as (path, value) pairs: the page applies them to the YAML text (yaml-edit.ts), so form
 * and text stay one document. Empty optional fields fall back to the reference data's defaults (shown greyed).
 */
import type { ReferenceData } from "../../../src/index.ts";
import { h } from "../views/dom.ts";
import type { PathSegment } from "./yaml-paths.ts";

export type FormEdit = { path: PathSegment[]; value: number | string } | { path: PathSegment[]; remove: true };

interface FieldDef {
  path: PathSegment[];
  label: string;
  /** one displayed unit in scenario units (1e9 for USD billions, 0.01 for percent) */
  unit?: number;
  kind?: "number" | "month";
  step?: string;
  min?: number;
  max?: number;
  /** default shown when the field is absent */
  fallback?: number;
  /** the field may be removed (empty input → back to the default) */
  optional?: boolean;
}

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (v && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const get = (root: unknown, path: PathSegment[]): unknown => path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Raw)[k as string] : undefined), root);
const round = (v: number): number => Number(v.toPrecision(12));
export const fieldId = (path: PathSegment[]): string => `f-${path.map(String).join("-").replace(/[^A-Za-z0-9_-]/g, "_")}`;

export class ScenarioForm {
  readonly element: HTMLFormElement;
  private signature = "";

  constructor(
    private readonly onEdit: (edit: FormEdit, key: string) => void,
    private readonly ref: ReferenceData,
  ) {
    this.element = h("form", { class: "form", "aria-label": "Most-changed inputs", novalidate: true, onsubmit: (e: Event) => e.preventDefault() });
  }

  /** Shows the scenario `raw` (the parsed YAML; null when the YAML is malformed). */
  update(raw: unknown): void {
    if (raw === null) {
      this.element.querySelectorAll("input, select, button").forEach((el) => ((el as HTMLInputElement).disabled = true));
      if (!this.element.querySelector(".disabled-note")) this.element.prepend(h("p", { class: "disabled-note", role: "status" }, "The YAML cannot be read: fix the error shown below to use the form."));
      return;
    }
    this.element.querySelector(".disabled-note")?.remove();
    const signature = JSON.stringify(this.structure(raw));
    if (signature !== this.signature) {
      const focusedId = (document.activeElement as HTMLElement | null)?.id;
      this.signature = signature;
      this.element.replaceChildren(...this.build(raw));
      if (focusedId) document.getElementById(focusedId)?.focus();
    }
    this.element.querySelectorAll("input, select, button").forEach((el) => ((el as HTMLInputElement).disabled = false));
    for (const input of this.element.querySelectorAll<HTMLInputElement>("input[data-path]")) {
      if (input === document.activeElement) continue;
      const def = JSON.parse(input.dataset.def as string) as FieldDef;
      input.value = this.display(get(raw, def.path), def);
    }
  }

  /** What decides the form's layout: years, sites, phases and fleet-mix generations. */
  private structure(raw: unknown) {
    const s = obj(raw);
    return {
      years: Object.keys(obj(obj(s.program).capitalPlanUsdByYear)),
      sites: arr(s.sites).map((site) => ({
        name: obj(site).name,
        phases: arr(obj(site).phases).map((p) => ({ name: obj(p).name, mix: Object.keys(obj(obj(p).fleetMix)) })),
      })),
    };
  }

  private display(v: unknown, def: FieldDef): string {
    if (def.kind === "month") return typeof v === "string" ? v : "";
    return typeof v === "number" ? String(round(v / (def.unit ?? 1))) : "";
  }

  private field(def: FieldDef): HTMLElement {
    const id = fieldId(def.path);
    const placeholder = def.fallback !== undefined ? `${round(def.fallback / (def.unit ?? 1))} (default)` : "";
    const input = h("input", {
      id,
      name: id,
      type: def.kind === "month" ? "month" : "number",
      inputmode: def.kind === "month" ? null : "decimal",
      step: def.step ?? "any",
      min: def.min,
      max: def.max,
      placeholder,
      "data-path": JSON.stringify(def.path),
      "data-def": JSON.stringify(def),
    });
    const key = JSON.stringify(def.path);
    input.addEventListener("input", () => {
      if (def.kind === "month") {
        if (/^\d{4}-\d{2}$/.test(input.value)) this.onEdit({ path: def.path, value: input.value }, key);
        return;
      }
      const v = input.valueAsNumber;
      if (Number.isFinite(v)) this.onEdit({ path: def.path, value: round(v * (def.unit ?? 1)) }, key);
    });
    input.addEventListener("change", () => {
      if (input.value === "" && def.optional) this.onEdit({ path: def.path, remove: true }, key);
    });
    return h("label", { class: "field", for: id }, h("span", {}, def.label), input);
  }

  private build(raw: unknown): HTMLElement[] {
    const s = obj(raw);
    const ref = this.ref;
    const years = Object.keys(obj(obj(s.program).capitalPlanUsdByYear));
    const plan = h(
      "fieldset",
      {},
      h("legend", {}, "Capital plan (USD billions per year)"),
      h("div", { class: "grid" }, ...years.map((y) => this.field({ path: ["program", "capitalPlanUsdByYear", y], label: `${y} ($B)`, unit: 1e9, min: 0 }))),
      h(
        "div",
        { class: "row-actions" },
        h("button", {
          type: "button",
          class: "small",
          onclick: () => {
            const next = years.length > 0 ? Math.max(...years.map(Number)) + 1 : new Date().getFullYear();
            this.onEdit({ path: ["program", "capitalPlanUsdByYear", String(next)], value: 0 }, "add-year");
          },
        }, "Add a year"),
      ),
    );
    const money = h(
      "fieldset",
      {},
      h("legend", {}, "Facility, energy and revenue"),
      h(
        "div",
        { class: "grid" },
        this.field({ path: ["facility", "pue"], label: "PUE (facility ÷ IT power)", min: 1, step: "0.01", fallback: ref.facility.pue, optional: true }),
        this.field({ path: ["facility", "utilizationFraction"], label: "Utilization (%)", unit: 0.01, min: 0, max: 100, fallback: ref.facility.utilizationFraction, optional: true }),
        this.field({ path: ["opex", "energyPriceUsdPerMwh"], label: "Energy price (USD/MWh)", min: 0, fallback: ref.opex.energyPriceUsdPerMwh, optional: true }),
        // the scenario's revenue form: per PFLOP/s-year (follows compute) or, as the alternative, per MW-year (follows watts)
        Object.hasOwn(obj(s.economics), "revenueUsdPerMwItYear")
          ? this.field({ path: ["economics", "revenueUsdPerMwItYear"], label: "Revenue (USD M per MW-year of IT)", unit: 1e6, min: 0 })
          : this.field({ path: ["economics", "revenueUsdPerPflopSYear"], label: "Revenue (USD per PFLOP/s-year, base year)", min: 0 }),
        this.field({ path: ["economics", "discountRateFractionPerYear"], label: "Discount rate (% per year)", unit: 0.01, min: 0, max: 100 }),
      ),
    );
    const generations = Object.keys(ref.accelerators);
    const sites = arr(s.sites).map((site, i) => {
      const phases = arr(obj(site).phases).map((phase, j) => {
        const base: PathSegment[] = ["sites", i, "phases", j];
        const mix = Object.keys(obj(obj(phase).fleetMix));
        const addSelect = h("select", { id: fieldId([...base, "add-generation"]), "aria-label": `Accelerator generation to add to ${String(obj(phase).name)}` }, ...generations.filter((g) => !mix.includes(g)).map((g) => h("option", { value: g }, g)));
        return h(
          "div",
          { class: "phase" },
          h("h4", {}, String(obj(phase).name ?? `Phase ${j + 1}`)),
          h(
            "div",
            { class: "grid" },
            this.field({ path: [...base, "itPowerMw"], label: "IT power (MW)", min: 0 }),
            this.field({ path: [...base, "constructionStartMonth"], label: "Construction start", kind: "month" }),
            this.field({ path: [...base, "constructionMonths"], label: "Construction (months)", min: 1, step: "1" }),
          ),
          h(
            "div",
            { class: "mix", role: "group", "aria-label": `Fleet mix of ${String(obj(phase).name)} (% of IT MW by generation)` },
            ...mix.map((g) =>
              h(
                "div",
                { class: "field" },
                this.field({ path: [...base, "fleetMix", g], label: `${g} (%)`, unit: 0.01, min: 0, max: 100 }),
                mix.length > 1 ? h("button", { type: "button", class: "small", "aria-label": `Remove ${g} from the fleet mix`, onclick: () => this.onEdit({ path: [...base, "fleetMix", g], remove: true }, "mix") }, "Remove") : null,
              ),
            ),
            h("div", { class: "row-actions" }, addSelect, h("button", { type: "button", class: "small", onclick: () => addSelect.value && this.onEdit({ path: [...base, "fleetMix", addSelect.value], value: 0 }, "mix") }, "Add generation")),
          ),
        );
      });
      return h("fieldset", {}, h("legend", {}, `Site: ${String(obj(site).name ?? i + 1)}`), ...phases);
    });
    return [plan, money, ...sites];
  }
}
