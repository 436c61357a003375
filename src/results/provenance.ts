/**
 * The provenance of a run (`provenance` in `run --format json`, the body of `gigaplan sources`): every reference
 * number the model reads (data/*.json, with the source, date and sourced/assumption flag of its data/*.meta.json
 * entry); every number the scenario states, with the comment that sources it; and, per site, the weather and
 * grid files the hourly model used, with station, distance, period and whether they are local or a proxy.
 */
import { dataFiles, provenance as metaByFile } from "../data/index.ts";
import type { PowerProfiles, ProfileProvenance } from "../power/site/site-power.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type ScenarioNumber, scenarioNumbers, unitOfName } from "./sources-scenario.ts";

export type { ScenarioNumber } from "./sources-scenario.ts";
/** Data files the model run reads (claims and peers serve check-claims and peers). */
const RUN_DATA_FILES = Object.keys(dataFiles).filter((n) => !n.startsWith("claims/") && !n.startsWith("peers/"));

export interface ReferenceNumber {
  /** data file, e.g. data/facility.json */
  file: string;
  /** path in the file, e.g. profileDefaults.pvLossesPercent */
  path: string;
  value: number;
  unit: string;
  sourced: boolean;
  sourceId: string | null;
  source: string | null;
  url: string | null;
  date: string | null;
  note: string | null;
}

export interface SiteSources {
  site: string;
  gridRegion: string;
  location: { latitudeDeg: number; longitudeDeg: number } | null;
  profiles: ProfileProvenance[];
}

export interface DataProvenance {
  reference: readonly ReferenceNumber[];
  scenario: ScenarioNumber[];
  sites: SiteSources[];
  counts: { referenceSourced: number; referenceAssumed: number; scenarioByStatus: Record<string, number>; proxyProfiles: number; localProfiles: number };
}

function leaves(value: unknown, prefix: string, out: [string, number][]): void {
  if (typeof value === "number") out.push([prefix, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${prefix}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
}

let referenceCache: readonly ReferenceNumber[] | null = null;

/** Every numeric leaf of the run's data files with its provenance entry (the shipped data: listed once, then shared). */
export function referenceNumbers(): readonly ReferenceNumber[] {
  referenceCache ??= Object.freeze(listReferenceNumbers().map((r) => Object.freeze(r)));
  return referenceCache;
}

function listReferenceNumbers(): ReferenceNumber[] {
  const out: ReferenceNumber[] = [];
  for (const name of RUN_DATA_FILES) {
    const file = `data/${name}.json`;
    const meta = metaByFile[file];
    const found: [string, number][] = [];
    leaves(dataFiles[name as keyof typeof dataFiles].raw, "", found);
    for (const [path, value] of found) {
      const field = meta?.fields[path];
      const src = field?.source ? meta.sources.find((s) => s.id === field.source) : undefined;
      const key = path.split(".").at(-1)!.replace(/\[\d+\]$/, "");
      out.push({
        file,
        path,
        value,
        unit: unitOfName(key),
        sourced: field?.sourced ?? false,
        sourceId: field?.source ?? null,
        source: src?.title ?? null,
        url: src?.url ?? null,
        date: src?.date ?? null,
        note: field?.note ?? null,
      });
    }
  }
  return out;
}

/** Whether a profile's data are the site's own, borrowed from elsewhere, or a flat value without a file. */
export const profileStatus = (p: ProfileProvenance): "local" | "proxy" | "flat" => (p.file === null ? "flat" : p.local ? "local" : "proxy");

/** The provenance of a run of `scenario` with `profiles`; `scenarioText` (YAML/JSON, or null) sources its numbers by its comments. */
export function runProvenance(scenarioText: string | null, scenario: Scenario, profiles: PowerProfiles | undefined): DataProvenance {
  const reference = referenceNumbers();
  const numbers = scenarioText === null ? [] : scenarioNumbers(scenarioText);
  const sites: SiteSources[] = scenario.sites.map((s) => ({
    site: s.name,
    gridRegion: s.gridRegion,
    location: s.location ?? null,
    profiles: profiles?.[s.name]?.provenance ?? [],
  }));
  const scenarioByStatus: Record<string, number> = {};
  for (const n of numbers) scenarioByStatus[n.status] = (scenarioByStatus[n.status] ?? 0) + 1;
  const status = sites.flatMap((s) => s.profiles.map(profileStatus));
  return {
    reference,
    scenario: numbers,
    sites,
    counts: {
      referenceSourced: reference.filter((r) => r.sourced).length,
      referenceAssumed: reference.filter((r) => !r.sourced).length,
      scenarioByStatus,
      proxyProfiles: status.filter((x) => x === "proxy").length,
      localProfiles: status.filter((x) => x === "local").length,
    },
  };
}

/** One input of a tornado (uncertainty/sensitivity.ts): the output with the input at its p10 and p90, others at base. */
export interface TornadoBar {
  input: string;
  lowInput: number;
  highInput: number;
  /** output with the input at its p10 / p90, others at base */
  lowOutput: number;
  highOutput: number;
  swing: number;
}

/** `gigaplan sources`: the provenance of a run plus the inputs that matter most (api/sources.ts). */
export interface SourcesReport extends DataProvenance {
  schemaVersion: number;
  /** per output, the inputs of the `uncertain` block by swing (largest first); empty without an `uncertain` block */
  topInputs: { output: string; base: number; inputs: TornadoBar[] }[];
}
