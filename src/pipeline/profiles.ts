/**
 * Hourly power inputs of a scenario: each site's solar and wind resource (the files its `power.weather` names, or
 * the bundled defaults in data/weather/) run through the PV and wind models into capacity-factor profiles, and
 * the hourly grid carbon intensity from the bundled EIA-930 fuel mix (ERCOT 2022), scaled to the site's grid
 * region when it is not ERCOT. Weather that does not describe the site's own location is flagged "proxy weather"
 * (a warning); a scaled carbon shape is flagged "proxy grid carbon". Each file is read once per call even when
 * several sites share it.
 *
 * Files come through `InputFiles`, which the platform implements: the file system in io/ (Node), `fetch` in the
 * browser. Everything else here is pure.
 */
import { type Diagnostic, type Outcome, info, warning } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { parseEia930FuelMix } from "../formats/eia930.ts";
import { parseSolarWeather } from "../formats/solar/solar.ts";
import { parseWindResource } from "../formats/wind-resource.ts";
import { hourlyCarbonIntensity } from "../power/grid/carbon.ts";
import { utcHourEndingToLocalStandard8760 } from "../power/grid/local-time.ts";
import { proxyHourlyIntensityForRegion } from "../power/grid/proxy.ts";
import { simulatePv } from "../power/profiles/pv/index.ts";
import { extrapolateToHubHeight } from "../power/profiles/wind/derive.ts";
import { runWindFarm } from "../power/profiles/wind/farm.ts";
import { parsePowerCurveCsv } from "../power/profiles/wind/power-curve.ts";
import type { PowerProfiles, SiteProfiles } from "../power/site/site-power.ts";
import type { SitePower } from "../scenario/power-schema.ts";
import type { Scenario } from "../scenario/schema.ts";

/** A file the pipeline needs: one bundled with gigaplan (path from the package root) or one a scenario names. */
export type InputFile = { origin: "bundled"; path: string } | { origin: "scenario"; path: string };

/** The text of a file and the name its diagnostics use (a resolved path, a URL). */
export interface InputText {
  text: string;
  name: string;
}

/**
 * Where input files come from. `read` returns the file's text (gzip-compressed files decoded) or an error
 * diagnostic whose path names the file. A scenario's own file names are relative to the scenario's location.
 */
export interface InputFiles {
  read(file: InputFile): Promise<Outcome<InputText | null>>;
}

/** Bundled defaults (see data/weather/README-solar.md, data/grid/SOURCE.md, data/wind/SOURCE.md). */
export const DEFAULT_FILES = {
  solar: "data/weather/phoenix_az_33.450495_-111.983688_psmv3_60_tmy.csv.gz",
  wind: "data/weather/35.2018863_-101.945027_windtoolkit_2012_60min_80m_100m.srw.gz",
  powerCurve: "data/wind/ssc_windpower_test_powercurve_1500kW.csv",
  gridFuelMix: "data/grid/ERCO_2022_hourly_fuelmix_avgCI.csv.gz",
} as const;
const CARBON_SHAPE_REGION = "ERCOT";
const CLEAN_FUELS = ["NUC", "WND", "SUN", "WAT"];

interface Loaded<T> {
  value: T | null;
  diagnostics: Diagnostic[];
}

class Cache {
  private readonly memo = new Map<string, Promise<Loaded<unknown>>>();
  get<T>(key: string, load: () => Promise<Loaded<T>>): Promise<Loaded<T>> {
    if (!this.memo.has(key)) this.memo.set(key, load());
    return this.memo.get(key) as Promise<Loaded<T>>;
  }
}

const bundled = (path: string): InputFile => ({ origin: "bundled", path });
const keyOf = (f: InputFile): string => `${f.origin}:${f.path}`;
/** File name without folders and without a .gz suffix (what the solar readers name in diagnostics). */
const baseName = (name: string): string => (name.split(/[\\/]/).pop() ?? name).replace(/\.gz$/i, "");

const KW_PER_MW = 1000;

async function pvProfile(files: InputFiles, file: InputFile, ref: ReferenceData): Promise<Loaded<{ cf: Float64Array; label: string }>> {
  const read = await files.read(file);
  if (!read.value) return { value: null, diagnostics: read.diagnostics };
  const w = parseSolarWeather(read.value.text, baseName(read.value.name));
  if (!w.value) return { value: null, diagnostics: w.diagnostics };
  const d = ref.powerCosts.profileDefaults;
  const r = simulatePv(w.value, {
    systemCapacityKw: KW_PER_MW * d.pvDcAcRatio,
    arrayType: d.pvArrayType,
    tiltDeg: d.pvTiltDeg,
    azimuthDeg: d.pvAzimuthDeg,
    lossesPercent: d.pvLossesPercent,
    dcAcRatio: d.pvDcAcRatio,
    gcr: d.pvGcr,
    inverterEfficiencyPercent: d.pvInverterEfficiencyPercent,
    moduleType: d.pvModuleType,
  });
  const cf = r.acKw.map((kw) => kw / KW_PER_MW);
  const where = `${w.value.source} at ${w.value.latitudeDeg.toFixed(2)}, ${w.value.longitudeDeg.toFixed(2)}`;
  return { value: { cf, label: `${where}; capacity factor ${(r.capacityFactorAcFraction * 100).toFixed(1)}% AC` }, diagnostics: w.diagnostics };
}

async function windProfile(files: InputFiles, file: InputFile, ref: ReferenceData): Promise<Loaded<{ cf: Float64Array; label: string }>> {
  const [read, curveText] = await Promise.all([files.read(file), files.read(bundled(DEFAULT_FILES.powerCurve))]);
  const res = read.value ? parseWindResource(read.value.text, baseName(read.value.name)) : { value: null, diagnostics: read.diagnostics };
  const curve = curveText.value === null ? null : parsePowerCurveCsv(curveText.value.text, curveText.value.name);
  const ds = [...res.diagnostics, ...curveText.diagnostics, ...(curve?.diagnostics ?? [])];
  if (!res.value || !curve?.value) return { value: null, diagnostics: ds };
  const t = ref.windModel.referenceTurbine;
  const derived = extrapolateToHubHeight(res.value, t.hubHeightM, ref.windModel.defaults.shearExponent, ref.windModel, baseName(read.value!.name));
  ds.push(...derived.diagnostics);
  const farm = runWindFarm(derived.value.resource, {
    turbine: { powerCurve: curve.value, rotorDiameterM: t.rotorDiameterM, hubHeightM: t.hubHeightM },
    turbineCount: ref.powerCosts.profileDefaults.windTurbineCount,
  });
  ds.push(...farm.diagnostics);
  if (!farm.value) return { value: null, diagnostics: ds };
  const nameplateKw = farm.value.nameplateKw;
  const cf = farm.value.netKw.map((kw) => kw / nameplateKw);
  const deg = (x: number | null): string => (x === null ? "?" : x.toFixed(2));
  const where = `${deg(res.value.latitudeDeg)}, ${deg(res.value.longitudeDeg)}${res.value.year ? ` (${res.value.year})` : ""}`;
  const kind = res.value.description.startsWith("EPW") ? `${res.value.description}, 10 m wind scaled to hub height` : "SRW";
  return { value: { cf, label: `${kind} at ${where}; capacity factor ${(farm.value.capacityFactorFraction * 100).toFixed(1)}%` }, diagnostics: ds };
}

interface CarbonShape {
  intensityKgPerMwh: Float64Array;
  generationMwh: Float64Array;
  cleanFraction: Float64Array;
}

async function carbonShape(files: InputFiles, ref: ReferenceData): Promise<Loaded<CarbonShape>> {
  const text = await files.read(bundled(DEFAULT_FILES.gridFuelMix));
  if (text.value === null) return { value: null, diagnostics: text.diagnostics };
  const mix = parseEia930FuelMix(text.value.text, text.value.name);
  if (!mix.value) return { value: null, diagnostics: mix.diagnostics };
  const ci = hourlyCarbonIntensity(mix.value.generationMwhByFuel);
  if (!ci.value) return { value: null, diagnostics: [...mix.diagnostics, ...ci.diagnostics] };
  const gen = mix.value.generationMwhByFuel;
  const clean = new Float64Array(mix.value.hours);
  for (const f of CLEAN_FUELS) if (gen[f]) for (let h = 0; h < clean.length; h++) clean[h] += gen[f][h];
  for (let h = 0; h < clean.length; h++) clean[h] /= ci.value.generationMwh[h];
  const offset = ref.powerCosts.profileDefaults.gridShapeUtcOffsetHours;
  const first = mix.value.hourEndingUtcMs[0];
  const local = (a: Float64Array) => utcHourEndingToLocalStandard8760(a, first, offset);
  const [i, g, c] = [local(ci.value.intensityKgPerMwh), local(ci.value.generationMwh), local(clean)];
  if (!i.value || !g.value || !c.value) return { value: null, diagnostics: [...i.diagnostics, ...g.diagnostics, ...c.diagnostics] };
  return { value: { intensityKgPerMwh: i.value.values, generationMwh: g.value.values, cleanFraction: c.value.values }, diagnostics: [] };
}

const needs = (p: SitePower, key: "pvMw" | "windMw"): boolean =>
  (p.portfolio[key] ?? 0) > 0 || Object.values(p.portfolioFromYear).some((x) => (x[key] ?? 0) > 0);

function relocate(ds: Diagnostic[], path: string): Diagnostic[] {
  return ds.map((d) => ({ ...d, path: `${path} (${d.path})` }));
}

export interface ProfileOptions {
  ref?: ReferenceData;
  /** only these sites (default: every site with a power block) */
  sites?: string[];
  /** load PV and wind profiles even when the portfolio has none (for optimize-power) */
  allTechnologies?: boolean;
  /** sites without a power block get the defaults of an empty one (for optimize-power) */
  powerDefaults?: SitePower;
}

/** Profiles for every site with a `power` block; errors (unreadable or malformed files) carry the scenario path. */
export async function loadPowerProfiles(s: Scenario, files: InputFiles, options: ProfileOptions = {}): Promise<Outcome<PowerProfiles>> {
  const ref = options.ref ?? referenceData;
  const cache = new Cache();
  const ds: Diagnostic[] = [];
  const out: PowerProfiles = {};
  for (const [si, site] of s.sites.entries()) {
    const p = site.power ?? options.powerDefaults;
    if (!p || (options.sites && !options.sites.includes(site.name))) continue;
    const base = `sites[${si}].power`;
    const prof: SiteProfiles = { sources: {} };
    const fileOf = (f: string | undefined, dflt: string): InputFile => (f === undefined ? bundled(dflt) : { origin: "scenario", path: f });
    const tech: [key: "pvMw" | "windMw", field: "solarFile" | "windFile", kind: "pv" | "wind"][] = [["pvMw", "solarFile", "pv"], ["windMw", "windFile", "wind"]];
    for (const [key, field, kind] of tech) {
      if (!options.allTechnologies && !needs(p, key)) continue;
      const file = fileOf(p.weather[field], kind === "pv" ? DEFAULT_FILES.solar : DEFAULT_FILES.wind);
      const r = await cache.get(`${kind}:${keyOf(file)}`, () => (kind === "pv" ? pvProfile(files, file, ref) : windProfile(files, file, ref)));
      ds.push(...relocate(r.diagnostics.filter((d) => d.severity !== "info"), `${base}.weather.${field}`));
      if (!r.value) continue;
      if (kind === "pv") prof.pvCapacityFactor = r.value.cf;
      else prof.windCapacityFactor = r.value.cf;
      prof.sources![kind] = r.value.label;
      if (!p.weather.local) {
        const what = p.weather[field] === undefined ? "the bundled default" : "a file not marked local";
        ds.push(warning(`${base}.weather.${field}`, `proxy weather: the ${kind === "pv" ? "solar" : "wind"} profile comes from ${what} (${r.value.label}), not from ${site.name}'s location; hourly ${kind === "pv" ? "PV" : "wind"} results are indicative (set weather.local: true for on-site data)`));
      }
    }
    const shape = await cache.get("carbon", () => carbonShape(files, ref));
    ds.push(...relocate(shape.diagnostics, `${base}`));
    if (shape.value) addCarbon(site.gridRegion, shape.value, ref, base, prof, ds);
    out[site.name] = prof;
  }
  return { value: out, diagnostics: ds };
}

function addCarbon(region: string, shape: CarbonShape, ref: ReferenceData, base: string, prof: SiteProfiles, ds: Diagnostic[]): void {
  if (region === CARBON_SHAPE_REGION) {
    prof.gridCo2KgPerMwh = shape.intensityKgPerMwh;
    prof.gridCleanFraction = shape.cleanFraction;
    prof.sources!.gridCarbon = "EIA-930 ERCOT 2022 fuel mix × operational emission factors";
    return;
  }
  const proxy = proxyHourlyIntensityForRegion(shape.intensityKgPerMwh, region, shape.generationMwh, ref.gridRegions);
  if (!proxy.value) {
    ds.push(info(base, `no hourly grid carbon for region ${region}: its annual average is used`));
    return;
  }
  prof.gridCo2KgPerMwh = proxy.value.intensityKgPerMwh;
  prof.sources!.gridCarbon = `proxy: ERCOT 2022 hourly shape scaled ×${proxy.value.scaleFactor.toFixed(3)} to the ${region} annual mean`;
  ds.push(warning(base, `proxy grid carbon: the hourly shape of ERCOT 2022 (EIA-930) scaled to the ${region} annual mean ${ref.gridRegions[region].co2KgPerMwh} kg/MWh; location-based emissions by hour are indicative, grid imports count as not clean`));
}
