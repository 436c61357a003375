/**
 * Hourly power inputs of a scenario: each site's solar and wind resource (the files its `power.weather` names, or
 * the bundled defaults in data/weather/) run through the PV and wind models into capacity-factor profiles, and
 * the hourly grid carbon (grid-profiles.ts). Weather is the site's own when its station lies within
 * `localWeatherMaxDistanceKm` of the site's `location` (or, without a location, when `weather.local` says so);
 * otherwise the run flags "proxy weather" with the distance. Each profile's provenance (file, station, distance,
 * period, local or proxy) is kept for `gigaplan sources`. Each file is read once per call even when several
 * sites share it.
 *
 * Files come through `InputFiles`, which the platform implements: the file system in io/ (Node), `fetch` in the
 * browser. Everything else here is pure.
 */
import { type Diagnostic, type Outcome, info, warning } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { parseSolarWeather } from "../formats/solar/solar.ts";
import { parseWindResource } from "../formats/wind-resource.ts";
import { simulatePv } from "../power/profiles/pv/index.ts";
import { extrapolateToHubHeight } from "../power/profiles/wind/derive.ts";
import { runWindFarm } from "../power/profiles/wind/farm.ts";
import { parsePowerCurveCsv } from "../power/profiles/wind/power-curve.ts";
import type { PowerProfiles, SiteProfiles } from "../power/site/site-power.ts";
import type { SitePower } from "../scenario/power-schema.ts";
import type { Scenario } from "../scenario/schema.ts";
import { distanceKm, type LatLon } from "../core/geo.ts";
import { addGridCarbon, addGridPrice, type Loaded } from "./grid-profiles.ts";
import type { InputFile, InputFiles } from "./input-files.ts";

export type { InputFile, InputFiles, InputText } from "./input-files.ts";

/** Bundled defaults (see data/weather/README-solar.md, data/grid/SOURCE.md, data/wind/SOURCE.md). */
export const DEFAULT_FILES = {
  solar: "data/weather/phoenix_az_33.450495_-111.983688_psmv3_60_tmy.csv.gz",
  wind: "data/weather/35.2018863_-101.945027_windtoolkit_2012_60min_80m_100m.srw.gz",
  powerCurve: "data/wind/ssc_windpower_test_powercurve_1500kW.csv",
} as const;

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

/** A capacity-factor profile and what it was made from. */
interface WeatherProfile {
  cf: Float64Array;
  label: string;
  format: string;
  station: LatLon | null;
  period: string;
}

async function pvProfile(files: InputFiles, file: InputFile, ref: ReferenceData): Promise<Loaded<WeatherProfile>> {
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
  const station = { latitudeDeg: w.value.latitudeDeg, longitudeDeg: w.value.longitudeDeg };
  const period = w.value.year === null ? "typical year" : String(w.value.year);
  return { value: { cf, label: `${where}; capacity factor ${(r.capacityFactorAcFraction * 100).toFixed(1)}% AC`, format: w.value.source, station, period }, diagnostics: w.diagnostics };
}

async function windProfile(files: InputFiles, file: InputFile, ref: ReferenceData): Promise<Loaded<WeatherProfile>> {
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
  const kind = res.value.surfaceStation ? `${res.value.description}, 10 m wind scaled to hub height` : "SRW";
  const { latitudeDeg: lat, longitudeDeg: lon } = res.value;
  const station = lat === null || lon === null ? null : { latitudeDeg: lat, longitudeDeg: lon };
  const format = res.value.surfaceStation ? "EPW station wind (10 m, scaled)" : "SRW";
  const period = res.value.year === null ? "typical year" : String(res.value.year);
  return { value: { cf, label: `${kind} at ${where}; capacity factor ${(farm.value.capacityFactorFraction * 100).toFixed(1)}%`, format, station, period }, diagnostics: ds };
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
    const prof: SiteProfiles = { sources: {}, provenance: [] };
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
      const where = weatherLocality(site, p.weather.local, r.value.station, ref);
      prof.provenance!.push({ kind, file: file.path, origin: file.origin, format: r.value.format, station: r.value.station, distanceKm: where.distanceKm, period: r.value.period, local: where.local, label: r.value.label });
      const path = `${base}.weather.${field}`;
      const noun = kind === "pv" ? "solar" : "wind";
      if (!where.local) {
        const what = p.weather[field] === undefined ? "the bundled default" : "the file";
        const why = where.distanceKm === null ? "is not marked local (set weather.local: true for on-site data, or give the site's location)" : `lies ${Math.round(where.distanceKm)} km from ${site.name}, beyond ${ref.powerCosts.profileDefaults.localWeatherMaxDistanceKm} km`;
        ds.push(warning(path, `proxy weather: the ${noun} profile comes from ${what} (${r.value.label}), which ${why}; hourly ${kind === "pv" ? "PV" : "wind"} results are indicative`));
      } else if (where.distanceKm !== null) ds.push(info(path, `local weather: the ${noun} station lies ${where.distanceKm.toFixed(0)} km from ${site.name}`));
    }
    const memo = <T,>(key: string, load: () => Promise<Loaded<T>>) => cache.get(key, load);
    await addGridCarbon(site.gridRegion, p, files, ref, memo, base, prof, ds);
    await addGridPrice(p, files, memo, base, prof, ds);
    out[site.name] = prof;
  }
  return { value: out, diagnostics: ds };
}

/** Local when the station is within the distance limit of the site's location; without a location or station, as declared. */
function weatherLocality(site: Scenario["sites"][number], declaredLocal: boolean, station: LatLon | null, ref: ReferenceData): { local: boolean; distanceKm: number | null } {
  if (!site.location || !station) return { local: declaredLocal, distanceKm: null };
  const d = distanceKm(site.location, station);
  return { local: d <= ref.powerCosts.profileDefaults.localWeatherMaxDistanceKm, distanceKm: d };
}
