/**
 * Hourly grid carbon of a site, chosen in this order: the site's own EIA-930 file (`power.grid`), the bundled
 * file of its grid region (`data/grid-regions.json` → `hourlyFuelMix`), else a PROXY: the hourly shape of
 * `profileDefaults.gridProxyShapeRegion` scaled to the region's annual mean (a warning says so). Intensity is
 * the fuel mix × operational emission factors, moved from UTC hour-ending to the site's local standard time.
 */
import { type Diagnostic, error, info, warning } from "../core/diagnostics.ts";
import type { ReferenceData } from "../data/index.ts";
import { parseEia930FuelMix } from "../formats/eia930.ts";
import { parseHourlyCsv } from "../formats/hourly-csv.ts";
import { hourlyCarbonIntensity } from "../power/grid/carbon.ts";
import { utcHourEndingToLocalStandard8760 } from "../power/grid/local-time.ts";
import { proxyHourlyIntensityForRegion } from "../power/grid/proxy.ts";
import type { ProfileProvenance, SiteProfiles } from "../power/site/site-power.ts";
import type { SitePower } from "../scenario/power-schema.ts";
import type { InputFile, InputFiles } from "./input-files.ts";

/** EIA-930 fuels counted as clean (carbon-free) supply. */
const CLEAN_FUELS = ["NUC", "WND", "SUN", "WAT", "GEO"];

export interface CarbonShape {
  intensityKgPerMwh: Float64Array;
  generationMwh: Float64Array;
  cleanFraction: Float64Array;
  /** share of each hour's generation by fuel code (for the water of grid generation) */
  mixFraction: Record<string, Float64Array>;
  /** calendar year of the data (of its middle hour) */
  year: number;
}

export interface Loaded<T> {
  value: T | null;
  diagnostics: Diagnostic[];
}

export type Memo = <T>(key: string, load: () => Promise<Loaded<T>>) => Promise<Loaded<T>>;

/** Reads an EIA-930 fuel-mix file and turns it into local-standard-time hourly intensity and clean share. */
export async function carbonShape(files: InputFiles, file: InputFile, utcOffsetHours: number): Promise<Loaded<CarbonShape>> {
  const text = await files.read(file);
  if (text.value === null) return { value: null, diagnostics: text.diagnostics };
  const mix = parseEia930FuelMix(text.value.text, text.value.name);
  if (!mix.value) return { value: null, diagnostics: mix.diagnostics };
  const ci = hourlyCarbonIntensity(mix.value.generationMwhByFuel);
  if (!ci.value) return { value: null, diagnostics: [...mix.diagnostics, ...ci.diagnostics] };
  const gen = mix.value.generationMwhByFuel;
  const clean = new Float64Array(mix.value.hours);
  for (const f of CLEAN_FUELS) if (gen[f]) for (let h = 0; h < clean.length; h++) clean[h] += gen[f][h];
  for (let h = 0; h < clean.length; h++) clean[h] /= ci.value.generationMwh[h];
  const first = mix.value.hourEndingUtcMs[0];
  const local = (a: Float64Array) => utcHourEndingToLocalStandard8760(a, first, utcOffsetHours);
  const [i, g, c] = [local(ci.value.intensityKgPerMwh), local(ci.value.generationMwh), local(clean)];
  if (!i.value || !g.value || !c.value) return { value: null, diagnostics: [...i.diagnostics, ...g.diagnostics, ...c.diagnostics] };
  const mixFraction: Record<string, Float64Array> = {};
  for (const [f, series] of Object.entries(gen)) {
    const share = series.map((x, h) => (ci.value!.generationMwh[h] > 0 ? x / ci.value!.generationMwh[h] : 0));
    const moved = local(share);
    if (!moved.value) return { value: null, diagnostics: moved.diagnostics };
    mixFraction[f] = moved.value.values;
  }
  const year = new Date(mix.value.hourEndingUtcMs[mix.value.hours >> 1]).getUTCFullYear();
  return { value: { intensityKgPerMwh: i.value.values, generationMwh: g.value.values, cleanFraction: c.value.values, mixFraction, year }, diagnostics: mix.diagnostics.filter((d) => d.severity !== "warning") };
}

const relocate = (ds: Diagnostic[], path: string): Diagnostic[] => ds.map((d) => ({ ...d, path: `${path} (${d.path})` }));

/** Adds the grid carbon profile (and its provenance) of one site to `prof`. */
export async function addGridCarbon(
  region: string,
  power: SitePower,
  files: InputFiles,
  ref: ReferenceData,
  memo: Memo,
  base: string,
  prof: SiteProfiles,
  ds: Diagnostic[],
): Promise<void> {
  const own = power.grid;
  const bundledMix = ref.gridRegions[region]?.hourlyFuelMix;
  const src = own?.fuelMixFile
    ? { file: { origin: "scenario", path: own.fuelMixFile } as InputFile, ba: own.balancingAuthority ?? region, offset: own.utcOffsetHours, path: `${base}.grid.fuelMixFile` }
    : bundledMix
      ? { file: { origin: "bundled", path: bundledMix.file } as InputFile, ba: bundledMix.balancingAuthority, offset: bundledMix.utcOffsetHours, path: base }
      : null;
  if (src) {
    const shape = await memo(`carbon:${src.file.origin}:${src.file.path}:${src.offset}`, () => carbonShape(files, src.file, src.offset));
    ds.push(...relocate(shape.diagnostics, src.path));
    if (!shape.value) return;
    prof.gridCo2KgPerMwh = shape.value.intensityKgPerMwh;
    prof.gridCleanFraction = shape.value.cleanFraction;
    prof.gridMixFraction = shape.value.mixFraction;
    const who = region === src.ba ? region : `${region} (${src.ba})`;
    const label = `EIA-930 ${who} ${shape.value.year} fuel mix × operational emission factors`;
    prof.sources!.gridCarbon = label;
    prof.provenance!.push(provenance(src.file, `EIA-930 ${src.ba}`, String(shape.value.year), true, label));
    return;
  }
  const shapeRegion = ref.powerCosts.profileDefaults.gridProxyShapeRegion;
  const shapeMix = ref.gridRegions[shapeRegion]?.hourlyFuelMix;
  if (!shapeMix) {
    ds.push(info(base, `no hourly grid carbon for region ${region}: its annual average is used`));
    return;
  }
  const shapeFile: InputFile = { origin: "bundled", path: shapeMix.file };
  const shape = await memo(`carbon:bundled:${shapeMix.file}:${shapeMix.utcOffsetHours}`, () => carbonShape(files, shapeFile, shapeMix.utcOffsetHours));
  ds.push(...relocate(shape.diagnostics, base));
  if (!shape.value) return;
  const proxy = proxyHourlyIntensityForRegion(shape.value.intensityKgPerMwh, region, shape.value.generationMwh, ref.gridRegions);
  if (!proxy.value) {
    ds.push(info(base, `no hourly grid carbon for region ${region}: its annual average is used`));
    return;
  }
  prof.gridCo2KgPerMwh = proxy.value.intensityKgPerMwh;
  const label = `proxy: ${shapeRegion} ${shape.value.year} hourly shape scaled ×${proxy.value.scaleFactor.toFixed(3)} to the ${region} annual mean`;
  prof.sources!.gridCarbon = label;
  prof.provenance!.push(provenance(shapeFile, `EIA-930 ${shapeMix.balancingAuthority} (proxy shape)`, String(shape.value.year), false, label));
  ds.push(
    warning(
      base,
      `proxy grid carbon: the hourly shape of ${shapeRegion} ${shape.value.year} (EIA-930) scaled to the ${region} annual mean ${ref.gridRegions[region].co2KgPerMwh} kg/MWh; ` +
        "location-based emissions by hour are indicative, grid imports count as not clean (give power.grid an EIA-930 file of the site's balancing authority)",
    ),
  );
}

function provenance(file: InputFile, format: string, period: string, local: boolean, label: string): ProfileProvenance {
  return { kind: "gridCarbon", file: file.path, origin: file.origin, format, station: null, distanceKm: null, period, local, label };
}

/** Bound of an hourly price, USD/MWh (the scenario's price fields allow up to 10,000; LMPs may be negative). */
const MAX_ABS_PRICE_USD_PER_MWH = 10_000;

async function hourlyPrice(files: InputFiles, file: InputFile, utcOffsetHours: number): Promise<Loaded<{ values: Float64Array; year: number; meanUsdPerMwh: number }>> {
  const text = await files.read(file);
  if (text.value === null) return { value: null, diagnostics: text.diagnostics };
  const name = text.value.name;
  const csv = parseHourlyCsv(text.value.text, name);
  if (!csv.value) return { value: null, diagnostics: csv.diagnostics };
  if (csv.value.columns.length !== 1)
    return { value: null, diagnostics: [error(`${name}:1`, `expected one price column (USD/MWh) after the time column, found ${csv.value.columns.length}: ${csv.value.names.join(", ")}`)] };
  const v = csv.value.columns[0];
  const bad = v.findIndex((x) => Math.abs(x) > MAX_ABS_PRICE_USD_PER_MWH);
  if (bad >= 0) return { value: null, diagnostics: [error(`${name}:${bad + 2}:2`, `price ${v[bad]} USD/MWh is outside ±${MAX_ABS_PRICE_USD_PER_MWH.toLocaleString("en-US")}`)] };
  const local = utcHourEndingToLocalStandard8760(v, csv.value.timestampsUtcMs[0], utcOffsetHours);
  if (!local.value) return { value: null, diagnostics: relocate(local.diagnostics, name) };
  let sum = 0;
  for (const x of local.value.values) sum += x;
  return { value: { values: local.value.values, year: local.value.year, meanUsdPerMwh: sum / local.value.values.length }, diagnostics: [] };
}

/** Adds the site's hourly grid price (power.grid.priceFile) to `prof`, or notes the flat price. */
export async function addGridPrice(power: SitePower, files: InputFiles, memo: Memo, base: string, prof: SiteProfiles, ds: Diagnostic[]): Promise<void> {
  const g = power.grid;
  if (!g?.priceFile) {
    const flat = power.prices.gridPriceUsdPerMwh;
    const label = `flat price every hour: ${flat === undefined ? "the scenario's opex.energyPriceUsdPerMwh" : `prices.gridPriceUsdPerMwh ${flat} USD/MWh`}`;
    prof.provenance!.push({ kind: "gridPrice", file: null, origin: null, format: "flat price", station: null, distanceKm: null, period: "", local: false, label });
    ds.push(info(`${base}.prices.gridPriceUsdPerMwh`, `grid purchases at a ${label}; give power.grid.priceFile (e.g. hourly day-ahead LMPs) for hourly prices`));
    return;
  }
  const file: InputFile = { origin: "scenario", path: g.priceFile };
  const r = await memo(`price:${g.priceFile}:${g.utcOffsetHours}`, () => hourlyPrice(files, file, g.utcOffsetHours));
  ds.push(...relocate(r.diagnostics, `${base}.grid.priceFile`));
  if (!r.value) return;
  prof.gridPriceUsdPerMwh = r.value.values;
  const label = `hourly prices ${r.value.year}, mean ${r.value.meanUsdPerMwh.toFixed(2)} USD/MWh`;
  prof.provenance!.push({ kind: "gridPrice", file: g.priceFile, origin: "scenario", format: "hourly price file", station: null, distanceKm: null, period: String(r.value.year), local: true, label });
  ds.push(info(`${base}.grid.priceFile`, `grid purchases priced by the hour: ${label}`));
}
