/**
 * What a claim test sees: the claim's stated figures, the evidence, the peers dataset, reference data and the
 * model run, each read through an accessor that records the value, its unit and its source (`uses`), so every
 * judgment lists the data it used. Missing evidence raises MissingData, which the checker turns into
 * "unverifiable" for that claim.
 */
import type { PeerCompany } from "../data/peers.ts";
import type { Cell } from "../core/table.ts";
import type { Tolerances, ClaimedValue } from "./judge.ts";
import { type Quantity, type Tags, format, qty } from "../core/quantity.ts";
import { CALENDAR_YEAR, type Claim, type EvidenceItem, type EvidenceReading, type Stated } from "../data/claims.ts";
import type { ClaimInputs, DataUse, SourcedReading } from "./types.ts";

export const EVIDENCE_PATH = "data/claims/evidence.json";
export const CLAIMS_PATH = "data/claims/claims.json";
export const PEERS_PATH = "data/peers/peers.json";

export class MissingData extends Error {}


export class ClaimCtx {
  readonly uses: DataUse[] = [];
  readonly steps: string[] = [];
  readonly tol: Tolerances;

  constructor(
    readonly inputs: ClaimInputs,
    readonly claim: Claim,
    private readonly claimIndex: number,
  ) {
    const r = inputs.rules;
    this.tol = { holdsRelative: r.holdsRelativeTolerance, approxRelative: r.approxRelativeTolerance, maxRangeWidthRelative: r.maxRangeWidthRelative };
  }

  step(line: string): void {
    this.steps.push(line);
  }

  get articleDate(): string {
    return this.inputs.claims.article.date;
  }

  get dataAsOf(): string {
    return this.inputs.rules.dataAsOf;
  }

  // ------------------------------------------------------------------ the claim

  /** A stated figure as a ClaimedValue (a value, range or bound with its unit and tags). */
  stated(key: string): ClaimedValue {
    const s = this.claim.stated[key];
    if (!s) throw new Error(`${this.claim.id}: no stated figure "${key}" in ${CLAIMS_PATH}`);
    const tags: Tags = { measure: s.measure, scope: s.scope };
    const low = qty(s.bound === "range" ? s.low! : s.value!, s.unit, tags);
    const high = qty(s.bound === "range" ? s.high! : s.value!, s.unit, tags);
    const field = s.bound === "range" ? "low" : "value";
    this.use(`${CLAIMS_PATH}#claims.${this.claimIndex}.stated.${key}.${field}`, `stated: ${key}`, describeStated(s), "claim", `article (${this.claim.articleRef})`, true);
    return { bound: s.bound, low, high, integer: s.unit === "count" };
  }

  /** The stated figure as a single quantity (the value, or the low end of a range). */
  statedQty(key: string): Quantity {
    return this.stated(key).low;
  }

  /** A stated figure re-read with another bound (e.g. the low end of a range as "about"). */
  statedAs(key: string, bound: "about", end: "low" | "high"): ClaimedValue {
    const c = this.stated(key);
    const q = end === "low" ? c.low : c.high;
    return { bound, low: q, high: q, integer: c.integer };
  }

  context(key: string): string {
    const v = this.claim.context[key];
    if (v === undefined) throw new Error(`${this.claim.id}: no context "${key}" in ${CLAIMS_PATH}`);
    return v;
  }

  // ------------------------------------------------------------------ evidence

  has(key: string): boolean {
    return this.inputs.evidence.items[key] !== undefined;
  }

  item(key: string): EvidenceItem {
    const it = this.inputs.evidence.items[key];
    if (!it) throw new MissingData(`${EVIDENCE_PATH} has no item "${key}"`);
    return it;
  }

  /** The date of an item's figure (an item with readings has one per reading: use readings()). */
  asOf(key: string): string {
    const it = this.item(key);
    if (it.asOf === undefined) throw new Error(`evidence "${key}" has several sourced readings, each with its own date: use readings()`);
    return it.asOf;
  }

  /**
   * Every source's figure of an item whose sources disagree, each recorded with its own source (never one picked).
   * An item with a single figure is returned as one reading, so a rule can judge either kind the same way.
   */
  readings(key: string): SourcedReading[] {
    const it = this.item(key);
    if (it.unit === undefined || it.unit === CALENDAR_YEAR) throw new Error(`evidence "${key}" is not a quantity`);
    const tags = { measure: it.measure, scope: it.scope };
    const list: EvidenceReading[] = it.readings ?? [{ label: it.label, value: it.value, low: it.low, high: it.high, bound: it.bound, asOf: it.asOf! }];
    const meta = this.inputs.provenance[EVIDENCE_PATH];
    return list.map((r, i) => {
      const field = it.readings ? `readings.${i}.${r.value !== undefined ? "value" : "low"}` : r.value !== undefined ? "value" : "low";
      const f = meta?.fields[`items.${key}.${field}`];
      const src = f?.source ? meta?.sources.find((x) => x.id === f.source) : undefined;
      const bound = r.bound ?? "exact";
      const suffix = bound === "atLeast" ? " (at least)" : bound === "atMost" ? " (at most)" : "";
      const shown = `${r.value !== undefined ? format(qty(r.value, it.unit!)) : `${r.low}-${r.high} ${it.unit}`}${suffix}`;
      this.dataUse(EVIDENCE_PATH, `items.${key}.${field}`, it.readings ? `${it.label}: ${r.label}, as of ${r.asOf}` : `${it.label}, as of ${r.asOf}`, shown);
      return {
        label: r.label,
        actual: qty(r.value ?? r.low!, it.unit!, tags),
        ...(r.value === undefined ? { high: qty(r.high!, it.unit!, tags) } : {}),
        bound,
        asOf: r.asOf,
        source: src ? `${src.title} <${src.url}>` : `no provenance entry for items.${key}.${field}`,
        shown,
      };
    });
  }

  /** A numeric evidence item as a quantity with its measure and scope. */
  evidence(key: string): Quantity {
    const it = this.item(key);
    if (it.readings) throw new Error(`evidence "${key}" has several sourced readings: use readings(), which shows them all`);
    if (it.value === undefined || it.unit === undefined || it.unit === CALENDAR_YEAR) throw new Error(`evidence "${key}" is not a single quantity`);
    const q = qty(it.value, it.unit, { measure: it.measure, scope: it.scope });
    this.evidenceUse(key, "value", it, format(q));
    return q;
  }

  evidenceRange(key: string): { low: Quantity; high: Quantity } {
    const it = this.item(key);
    if (it.low === undefined || it.high === undefined || it.unit === undefined) throw new Error(`evidence "${key}" is not a range`);
    const tags = { measure: it.measure, scope: it.scope };
    const out = { low: qty(it.low, it.unit, tags), high: qty(it.high, it.unit, tags) };
    this.evidenceUse(key, "low", it, `${it.low}-${it.high} ${it.unit}`);
    return out;
  }

  evidenceYear(key: string): number {
    const it = this.item(key);
    if (it.unit !== CALENDAR_YEAR || it.value === undefined) throw new Error(`evidence "${key}" is not a calendar year`);
    this.evidenceUse(key, "value", it, String(it.value));
    return it.value;
  }

  evidenceText(key: string): string {
    const it = this.item(key);
    if (it.text === undefined) throw new Error(`evidence "${key}" is not text`);
    const meta = this.inputs.provenance[EVIDENCE_PATH];
    const src = meta?.sources.find((s) => s.id === it.sourceId);
    this.use(`${EVIDENCE_PATH}#items.${key}.text`, it.label, it.text, "data", src ? `${src.title} <${src.url}>` : `unknown source ${it.sourceId}`, src !== undefined);
    return it.text;
  }

  private evidenceUse(key: string, field: string, it: EvidenceItem, shown: string): void {
    const bound = it.bound === "atLeast" ? " (at least)" : it.bound === "atMost" ? " (at most)" : "";
    this.dataUse(EVIDENCE_PATH, `items.${key}.${field}`, `${it.label}, as of ${it.asOf}`, `${shown}${bound}`);
  }

  // ------------------------------------------------------------------ peers, reference data, model

  peer(ticker: string): PeerCompany {
    const c = this.inputs.peers.companies[ticker];
    if (!c) throw new MissingData(`${PEERS_PATH} has no company "${ticker}"`);
    return c;
  }

  /** A number from the peers dataset at `path` (dot path below companies.<ticker>). */
  peerFigure(ticker: string, path: string, unit: string, tags: Tags, label: string): Quantity {
    let node: unknown = this.peer(ticker);
    for (const k of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined;
    if (typeof node !== "number") throw new MissingData(`${PEERS_PATH} has no companies.${ticker}.${path}`);
    // peers store USD amounts; a flow per period is made explicit by the caller's unit (e.g. USD/quarter)
    const q = qty(node, unit, tags);
    this.dataUse(PEERS_PATH, `companies.${ticker}.${path}`, label, format(q, unit.startsWith("USD") ? unit.replace(/^USD/, "USD bn") : unit));
    return q;
  }

  /** A number from another data/ file (provenance from its .meta.json). */
  reference(file: string, path: string, value: number, unit: string, label: string): Quantity {
    const q = qty(value, unit);
    this.dataUse(file, path, label, format(q));
    return q;
  }

  /**
   * A model output (the run of the scenario), recorded with the scenario file as its source. Scenario inputs that
   * the scenario marks as assumptions are recorded with `assumption: true` (listed as estimates).
   */
  model(path: string, value: number, unit: string, label: string, tags: Tags = {}, opts: { assumption?: boolean } = {}): Quantity {
    const q = qty(value, unit, tags);
    const source = opts.assumption ? `assumption in ${this.inputs.scenarioLabel}` : `gigaplan model run of ${this.inputs.scenarioLabel}`;
    const shown = unit === "USD" ? format(q, "USD bn") : format(q);
    this.use(`model:${this.inputs.scenarioLabel}#${path}`, label, shown, "model", source, !opts.assumption);
    return q;
  }

  /** A cell of a model result table, selected by column values, e.g. sitesYearly where site = El Paso and year = 2029. */
  modelCell(table: string, where: Record<string, Cell>, column: string): number {
    const t = this.inputs.model.tables[table];
    if (!t) throw new MissingData(`model result has no table ${table}`);
    const ci = t.columns.indexOf(column);
    const conds = Object.entries(where).map(([k, v]) => [t.columns.indexOf(k), v] as const);
    const row = t.rows.find((r) => conds.every(([i, v]) => r[i] === v));
    const cell = row?.[ci];
    if (typeof cell !== "number") throw new MissingData(`model table ${table} has no ${column} for ${JSON.stringify(where)}`);
    return cell;
  }

  private dataUse(file: string, path: string, label: string, shown: string): void {
    const meta = this.inputs.provenance[file];
    const f = meta?.fields[path];
    const src = f?.source ? meta?.sources.find((s) => s.id === f.source) : undefined;
    const source = src ? `${src.title} <${src.url}>` : f ? `estimate: ${f.note}` : `no provenance entry in ${file.replace(/\.json$/, ".meta.json")}`;
    this.use(`${file}#${path}`, label, shown, "data", source, f?.sourced ?? false);
  }

  private use(path: string, label: string, value: string, kind: DataUse["kind"], source: string, sourced: boolean): void {
    if (this.uses.some((u) => u.path === path)) return;
    this.uses.push({ path, label, value, kind, source, sourced });
  }
}

function describeStated(s: Stated): string {
  if (s.bound === "range") return `${s.low}-${s.high} ${s.unit}`;
  const prefix = s.bound === "moreThan" ? "more than " : s.bound === "atLeast" ? "at least " : s.bound === "upTo" ? "up to " : "about ";
  return `${prefix}${s.value} ${s.unit}`;
}
