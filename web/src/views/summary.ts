/**
 * The headline numbers of a run (cards), the result tables for download as CSV, and the key yearly figures as a
 * table. Figures from the hourly pass (24/7 CFE, emissions, and the NPV with energy priced by the dispatch) say so
 * while that pass is still running; once it is in, every card reads its summary.
 */
import type { RunResult } from "../../../src/index.ts";
import { downloadCsv, fmt, fmtPct, fmtUsdB, h, htmlTable } from "./dom.ts";

const byYear = (m: Record<string, number> | undefined, y: number): number | undefined => m?.[String(y)];

/** The year the headline figures are read in: the last year of the capital plan with money in it. */
export function headlineYear(r: RunResult): number {
  const years = Object.entries(r.summary.capitalPlanUsdByYear).filter(([, v]) => v > 0).map(([y]) => Number(y));
  return years.length > 0 ? Math.max(...years) : Number(r.summary.horizon.startMonth.slice(0, 4));
}

function card(id: string, label: string, value: string, note = ""): HTMLElement {
  return h("div", { class: "card", id: `card-${id}` }, h("div", { class: "label" }, label), h("div", { class: "value", "data-value": id }, value), note ? h("div", { class: "note" }, note) : null);
}

export class SummaryView {
  readonly element: HTMLElement;
  /** the result tables (placed after the charts by the page) */
  readonly tables = h("section", { "aria-label": "Result tables" });
  private readonly cards = h("div", { class: "cards", role: "region", "aria-label": "Headline figures", "aria-live": "polite" });
  private readonly notice = h("div", {});
  private readonly tableSelect = h("select", { id: "table-select" });
  private readonly tableControls = h(
    "div",
    { class: "controls" },
    h("label", { class: "field", for: "table-select" }, h("span", {}, "Result table"), this.tableSelect),
    h("button", { type: "button", id: "table-csv", onclick: () => this.downloadTable() }, "Download CSV"),
  );
  private quick: RunResult | null = null;
  private full: RunResult | null = null;

  constructor() {
    this.element = h("section", { "aria-labelledby": "summary-h" }, h("h2", { id: "summary-h", class: "sr-only" }, "Headline figures"), this.notice, this.cards);
  }

  private downloadTable(): void {
    const r = this.full ?? this.quick;
    const name = this.tableSelect.value;
    if (r?.tables[name]) downloadCsv(`${name}.csv`, r.tables[name]);
  }

  /** `quick`: the quick pass; `full`: the hourly pass of the same text (or null while it runs). */
  update(quick: RunResult | null, full: RunResult | null, problem: string | null): void {
    this.notice.replaceChildren(...(problem ? [h("div", { class: "notice error", role: "alert" }, problem)] : []));
    this.element.classList.toggle("stale", problem !== null);
    if (!quick) return;
    this.quick = quick;
    this.full = full;
    // the hourly pass prices the opex energy by the dispatch (as `gigaplan run` does): its summary wins once it is in
    const s = (full ?? quick).summary;
    const y = headlineYear(quick);
    const power = full?.summary.power;
    const maxGap = Math.max(0, ...Object.values(s.fundingGapUsdByYear));
    const delayed = s.delays.filter((d) => d.delayMonths > 0).length;
    const pending = "computing the hourly pass…";
    this.cards.replaceChildren(
      card("capex", "Capex, whole horizon", fmtUsdB(s.capexUsdTotal), `${s.horizon.startMonth} … ${s.horizon.endMonth}`),
      card("it-gw", `IT power online, end ${y}`, `${fmt((byYear(s.itPowerMwByYear, y) ?? 0) / 1000, 2)} GW`, `facility ${fmt((byYear(s.facilityPowerMwByYear, y) ?? 0) / 1000, 2)} GW`),
      card("accelerators", `Accelerators installed, end ${y}`, `${fmt((byYear(s.acceleratorsByYear, y) ?? 0) / 1e6, 2)} M`),
      card("energy", `Facility energy in ${y}`, `${fmt((byYear(s.facilityEnergyMwhByYear, y) ?? 0) / 1e6, 1)} TWh`),
      card("npv", "Program NPV", s.npvUsd === null ? "–" : fmtUsdB(s.npvUsd), `${s.irrFraction === null ? "IRR –" : `IRR ${fmtPct(s.irrFraction)}`}${full ? "" : " · energy at the flat price until the hourly pass"}`),
      card("gap", "Peak yearly funding gap", fmtUsdB(maxGap), "capex − operating cash flow"),
      card("delays", "Delayed phases", `${delayed} of ${quick.tables.phases?.rows.length ?? 0}`),
      card("cfe", `24/7 CFE score ${y}`, power ? fmtPct(byYear(power.cfeScoreFractionByYear, y) ?? null) : "…", power ? `${power.sites.length} site(s) dispatched hourly` : pending),
      card("co2", `Location-based CO₂ ${y}`, power ? `${fmt((byYear(power.locationBasedTco2ByYear, y) ?? NaN) / 1e6, 2)} Mt` : "…", power ? "hourly grid intensity × imports + gas" : pending),
    );
    this.renderTables();
  }

  private renderTables(): void {
    const r = this.full ?? this.quick;
    if (!r) return;
    const names = Object.keys(r.tables);
    if ([...this.tableSelect.options].map((o) => o.value).join() !== names.join()) {
      const keep = this.tableSelect.value || "yearly";
      this.tableSelect.replaceChildren(...names.map((n) => h("option", { value: n }, n)));
      this.tableSelect.value = names.includes(keep) ? keep : names[0];
    }
    const yearly = r.tables.yearly;
    const pick = ["year", "capitalPlanUsd", "capexUsd", "itPowerMwOnline", "facilityPowerMwOnline", "accelerators", "facilityEnergyMwh", "companyFreeCashFlowUsd", "fundingGapUsd"].filter((c) => yearly?.columns.includes(c));
    const preview = yearly ? htmlTable({ columns: pick, rows: yearly.rows.slice(0, 12).map((row) => pick.map((c) => row[yearly.columns.indexOf(c)])) }, { caption: "By year (first 12 years; USD in billions; download the yearly table for every column)" }) : null;
    this.tables.replaceChildren(this.tableControls, ...(preview ? [preview] : []));
  }
}
