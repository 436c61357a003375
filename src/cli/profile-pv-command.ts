/**
 * `gigaplan profile pv`: hourly AC output of a PV system (PVWatts v8-class model) from a TMY2 (SAM csv), TMY3
 * or NSRDB PSM3 weather file (plain or .gz). Prints annual and monthly energy and the AC capacity factor
 * (and with --hourly the AC kW of every hour) as a table or JSON. Bad options exit 2 naming the option.
 */
import { type Command, Option } from "commander";
import {
  ARRAY_TYPE_NAMES,
  type Diagnostic,
  MODULE_TYPE_NAMES,
  type PvArrayType,
  type PvModuleType,
  type PvResult,
  type PvSystem,
  type SolarWeather,
  checkPvSystem,
  error,
  formatDiagnostic,
  hasErrors,
  simulatePv,
} from "../index.ts";
import { readSolarWeatherFile } from "../io/solar-file.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io } from "./io.ts";

const JSON_SCHEMA_VERSION = 1;
const DEFAULT_INVERTER_EFFICIENCY_PERCENT = "96";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface PvOptions {
  weather: string;
  systemCapacityKw: string;
  arrayType: (typeof ARRAY_TYPE_NAMES)[number];
  tilt?: string;
  azimuth?: string;
  lossesPercent: string;
  dcAcRatio: string;
  gcr: string;
  inverterEfficiencyPercent: string;
  moduleType: (typeof MODULE_TYPE_NAMES)[number];
  hourly?: boolean;
  format: "json" | "table";
}

/** Option name of each PvSystem field (for messages). */
const OPTION_OF: Record<keyof PvSystem, string> = {
  systemCapacityKw: "--system-capacity-kw",
  arrayType: "--array-type",
  tiltDeg: "--tilt",
  azimuthDeg: "--azimuth",
  lossesPercent: "--losses-percent",
  dcAcRatio: "--dc-ac-ratio",
  gcr: "--gcr",
  inverterEfficiencyPercent: "--inverter-efficiency-percent",
  moduleType: "--module-type",
};

function number(raw: string | undefined, option: string, ds: Diagnostic[]): number {
  const v = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(v)) ds.push(error(option, raw === undefined ? "required" : `must be a number, got "${raw}"`));
  return v;
}

/** The PvSystem described by the options; every problem is reported with its option name. */
function systemFromOptions(o: PvOptions, ds: Diagnostic[]): PvSystem | null {
  const arrayType = ARRAY_TYPE_NAMES.indexOf(o.arrayType) as PvArrayType;
  const orientation = (raw: string | undefined, option: string): number => {
    if (raw !== undefined) return number(raw, option, ds);
    if (arrayType === 4) return 0; // two-axis trackers ignore tilt and azimuth
    ds.push(error(option, `required for --array-type ${o.arrayType}`));
    return Number.NaN;
  };
  const system: PvSystem = {
    systemCapacityKw: number(o.systemCapacityKw, OPTION_OF.systemCapacityKw, ds),
    arrayType,
    tiltDeg: orientation(o.tilt, OPTION_OF.tiltDeg),
    azimuthDeg: orientation(o.azimuth, OPTION_OF.azimuthDeg),
    lossesPercent: number(o.lossesPercent, OPTION_OF.lossesPercent, ds),
    dcAcRatio: number(o.dcAcRatio, OPTION_OF.dcAcRatio, ds),
    gcr: number(o.gcr, OPTION_OF.gcr, ds),
    inverterEfficiencyPercent: number(o.inverterEfficiencyPercent, OPTION_OF.inverterEfficiencyPercent, ds),
    moduleType: MODULE_TYPE_NAMES.indexOf(o.moduleType) as PvModuleType,
  };
  if (hasErrors(ds)) return null;
  for (const d of checkPvSystem(system, "pv")) ds.push({ ...d, path: OPTION_OF[d.path.slice(3) as keyof PvSystem] ?? d.path });
  return hasErrors(ds) ? null : system;
}

function resultJson(r: PvResult, w: SolarWeather, s: PvSystem, o: PvOptions, ds: Diagnostic[]): Record<string, unknown> {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    weatherFile: o.weather,
    weather: { source: w.source, latitudeDeg: w.latitudeDeg, longitudeDeg: w.longitudeDeg, timeZoneHours: w.timeZoneHours, elevationM: w.elevationM, year: w.year },
    system: { ...s, arrayTypeName: ARRAY_TYPE_NAMES[s.arrayType], moduleTypeName: MODULE_TYPE_NAMES[s.moduleType] },
    acNameplateKw: s.systemCapacityKw / s.dcAcRatio,
    annualEnergyKwh: r.annualEnergyKwh,
    monthlyEnergyKwh: r.monthlyEnergyKwh,
    capacityFactorAcFraction: r.capacityFactorAcFraction,
    ...(o.hourly ? { acKw: Array.from(r.acKw) } : {}),
    diagnostics: ds,
  };
}

function resultTable(r: PvResult, w: SolarWeather, s: PvSystem, o: PvOptions): string {
  const kwh = (v: number) => v.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const orientation = s.arrayType === 4 ? "" : `, tilt ${s.tiltDeg} deg, azimuth ${s.azimuthDeg} deg`;
  const lines = [
    `PV system: ${s.systemCapacityKw} kWdc, ${ARRAY_TYPE_NAMES[s.arrayType]}${orientation}, DC/AC ${s.dcAcRatio} (${kwh(s.systemCapacityKw / s.dcAcRatio)} kWac), ` +
      `losses ${s.lossesPercent} %, gcr ${s.gcr}, inverter ${s.inverterEfficiencyPercent} %, ${MODULE_TYPE_NAMES[s.moduleType]} modules`,
    `weather: ${o.weather} (${w.source}, lat ${w.latitudeDeg}, lon ${w.longitudeDeg}, UTC${w.timeZoneHours >= 0 ? "+" : ""}${w.timeZoneHours}, ${w.elevationM} m)`,
    `annual energy      ${kwh(r.annualEnergyKwh)} kWh`,
    `capacity factor    ${(r.capacityFactorAcFraction * 100).toFixed(2)} % (AC)`,
    "month  energy kWh",
    ...r.monthlyEnergyKwh.map((e, i) => `${MONTHS[i]}    ${kwh(e).padStart(16)}`),
  ];
  if (o.hourly) lines.push("hour,ac_kw", ...Array.from(r.acKw, (v, h) => `${h},${v}`));
  return `${lines.join("\n")}\n`;
}

function profilePv(o: PvOptions, io: Io): number {
  const ds: Diagnostic[] = [];
  const system = systemFromOptions(o, ds);
  const weather = readSolarWeatherFile(o.weather);
  ds.push(...weather.diagnostics);
  const shown = ds.filter((d) => d.severity !== "info");
  if (!system || !weather.value || hasErrors(ds)) {
    io.stderr(`profile pv: ${ds.filter((d) => d.severity === "error").length} error(s); nothing was written\n`);
    for (const d of shown) io.stderr(`  ${formatDiagnostic(d)}\n`);
    return EXIT_BAD_INPUT;
  }
  for (const d of shown) io.stderr(`  ${formatDiagnostic(d)}\n`);
  const r = simulatePv(weather.value, system);
  io.stdout(o.format === "json" ? `${JSON.stringify(resultJson(r, weather.value, system, o, ds))}\n` : resultTable(r, weather.value, system, o));
  return EXIT_OK;
}

/** Adds `pv` to the `profile` command group. */
export function registerProfilePvCommand(profile: Command, io: Io, setExit: (code: number) => void): void {
  profile
    .command("pv")
    .description("hourly AC output of a PV system (PVWatts v8-class model) from a TMY2/TMY3/NSRDB PSM3 weather file")
    .requiredOption("--weather <file>", "solar weather file: TMY2 (SAM csv), TMY3 csv or NSRDB PSM3 csv, optionally .gz")
    .requiredOption("--system-capacity-kw <kw>", "DC nameplate capacity (kW)")
    .addOption(new Option("--array-type <type>", "array type").choices([...ARRAY_TYPE_NAMES]).makeOptionMandatory())
    .option("--tilt <deg>", "module tilt (fixed) or axis tilt (1-axis), 0..90; not used by 2-axis")
    .option("--azimuth <deg>", "module or axis azimuth, 0..360 (180 = south); not used by 2-axis")
    .requiredOption("--losses-percent <p>", "DC system losses, % (required; PVWatts' own default is 14.08)")
    .requiredOption("--dc-ac-ratio <r>", "DC nameplate / AC nameplate")
    .requiredOption("--gcr <g>", "ground coverage ratio, 0.01..0.99 (row width / row pitch)")
    .option("--inverter-efficiency-percent <p>", "inverter efficiency at rated power, 90..99.5 %", DEFAULT_INVERTER_EFFICIENCY_PERCENT)
    .addOption(new Option("--module-type <type>", "module type").choices([...MODULE_TYPE_NAMES]).default("standard"))
    .option("--hourly", "also print the AC output of every hour (kW)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .action((o: PvOptions) => setExit(profilePv(o, io)));
}
