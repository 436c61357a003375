/**
 * `gigaplan profile wind`: hourly output of a wind farm from a SAM `.srw` resource file (SAM/ssc windpower
 * model: density-corrected power curve, shear, simple wake model, losses). Registers itself under the
 * `profile` command group (`profileCommand` returns it, creating it if needed, so order does not matter).
 */
import { type Command, Option } from "commander";
import {
  DEFAULT_FILES,
  type Diagnostic,
  type PowerCurve,
  type TurbineLayout,
  type WakeModelName,
  type WindFarmResult,
  type WindFarmSpec,
  error,
  extrapolateToHubHeight,
  formatDiagnostic,
  hasErrors,
  parseLayoutCsv,
  parsePowerCurveCsv,
  referenceData,
  runWindFarm,
} from "../index.ts";
import { bundledPath } from "../io/input-files.ts";
import { readTextFile } from "../io/read-text-file.ts";
import { readSrwFile } from "../io/srw-file.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io } from "./io.ts";
import { profileCommand } from "./profile-command.ts";

const JSON_SCHEMA_VERSION = 1;
const PERCENT_RANGE = { min: 0, max: 100 };
const DEFAULT_CURVE_FILE = bundledPath(DEFAULT_FILES.powerCurve);

interface WindOptions {
  weather: string;
  turbines?: string;
  powerCurve?: string;
  rotorDiameterM?: string;
  hubHeightM: string;
  shear?: string;
  turbulence?: string;
  layout?: string;
  wakeModel: WakeModelName;
  wakeLossPercent?: string;
  lossesPercent?: string;
  availabilityPercent?: string;
  electricalPercent?: string;
  format: "json" | "table";
  hourly?: boolean;
}

interface Range {
  min: number;
  max?: number;
  /** the minimum itself is not allowed */
  exclusiveMin?: boolean;
  integer?: boolean;
}

/** Parses a numeric option; pushes an error naming the option when it is not a number in range. */
function num(raw: string | undefined, option: string, ds: Diagnostic[], range: Range): number | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim() === "" ? NaN : Number(raw);
  const max = range.max ?? Infinity;
  const ok = Number.isFinite(v) && (range.exclusiveMin ? v > range.min : v >= range.min) && v <= max && (!range.integer || Number.isInteger(v));
  if (!ok) {
    const what = range.integer ? "a whole number" : "a number";
    const bounds = `${range.exclusiveMin ? ">" : "≥"} ${range.min}${range.max === undefined ? "" : ` and ≤ ${range.max}`}`;
    ds.push(error(option, `must be ${what} ${bounds}, got "${raw}"`));
    return undefined;
  }
  return v;
}

function readCurve(opts: WindOptions, ds: Diagnostic[]): PowerCurve | null {
  const file = opts.powerCurve ?? DEFAULT_CURVE_FILE;
  const text = readTextFile(file);
  ds.push(...text.diagnostics);
  if (text.value === null) return null;
  const curve = parsePowerCurveCsv(text.value, file);
  ds.push(...curve.diagnostics);
  return curve.value;
}

function readLayout(file: string | undefined, ds: Diagnostic[]): TurbineLayout | undefined {
  if (!file) return undefined;
  const text = readTextFile(file);
  ds.push(...text.diagnostics);
  if (text.value === null) return undefined;
  const layout = parseLayoutCsv(text.value, file);
  ds.push(...layout.diagnostics);
  return layout.value ?? undefined;
}

/** Builds the farm spec from the options; every problem names its option or file. */
function farmFromOptions(opts: WindOptions, ds: Diagnostic[]): WindFarmSpec | null {
  const hubHeightM = num(opts.hubHeightM, "--hub-height-m", ds, { min: 0, exclusiveMin: true });
  const turbines = num(opts.turbines, "--turbines", ds, { min: 1, integer: true });
  let rotorDiameterM = num(opts.rotorDiameterM, "--rotor-diameter-m", ds, { min: 0, exclusiveMin: true });
  const shearExponent = num(opts.shear, "--shear", ds, { min: 0, max: 1 });
  const turbulenceIntensityFraction = num(opts.turbulence, "--turbulence", ds, { min: 0, max: 1 });
  const constantWakeLossPercent = num(opts.wakeLossPercent, "--wake-loss-percent", ds, PERCENT_RANGE);
  const losses = {
    otherPercent: num(opts.lossesPercent, "--losses-percent", ds, PERCENT_RANGE),
    availabilityPercent: num(opts.availabilityPercent, "--availability-percent", ds, PERCENT_RANGE),
    electricalPercent: num(opts.electricalPercent, "--electrical-percent", ds, PERCENT_RANGE),
  };
  if (opts.wakeModel === "constant" && opts.wakeLossPercent === undefined) ds.push(error("--wake-loss-percent", 'required with --wake-model constant'));
  if (rotorDiameterM === undefined && opts.rotorDiameterM === undefined) {
    if (opts.powerCurve === undefined) rotorDiameterM = referenceData.windModel.referenceTurbine.rotorDiameterM;
    else ds.push(error("--rotor-diameter-m", "required with --power-curve (the wake model works in rotor diameters)"));
  }
  const powerCurve = readCurve(opts, ds);
  const layout = readLayout(opts.layout, ds);
  const turbineCount = turbines ?? layout?.xM.length;
  if (opts.turbines === undefined && opts.layout === undefined) ds.push(error("--turbines", "required (or give --layout)"));
  if (layout && turbines !== undefined && layout.xM.length !== turbines)
    ds.push(error("--turbines", `${turbines} turbines but the layout ${opts.layout} has ${layout.xM.length}`));
  if (hasErrors(ds) || !powerCurve || hubHeightM === undefined || rotorDiameterM === undefined || turbineCount === undefined) return null;
  return {
    turbine: { powerCurve, rotorDiameterM, hubHeightM },
    turbineCount,
    layout,
    shearExponent,
    turbulenceIntensityFraction,
    wakeModel: opts.wakeModel,
    constantWakeLossPercent,
    losses,
  };
}

function summaryJson(r: WindFarmResult, opts: WindOptions, farm: WindFarmSpec, ds: Diagnostic[]): Record<string, unknown> {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    weatherFile: opts.weather,
    turbineCount: farm.turbineCount,
    hubHeightM: farm.turbine.hubHeightM,
    rotorDiameterM: farm.turbine.rotorDiameterM,
    nameplateKw: r.nameplateKw,
    annualEnergyKwh: r.annualEnergyKwh,
    annualGrossEnergyKwh: r.annualGrossEnergyKwh,
    monthlyEnergyKwh: r.monthlyEnergyKwh,
    capacityFactorFraction: r.capacityFactorFraction,
    wakeLossPercent: r.wakeLossPercent,
    otherLossesPercent: r.otherLossesPercent,
    averageHubSpeedMps: r.averageHubSpeedMps,
    hubSpeedMethod: r.hubSpeedMethod,
    shearExponentApplied: r.shearExponentApplied,
    ...(opts.hourly ? { hourlyNetKw: Array.from(r.netKw) } : {}),
    diagnostics: ds,
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const KWH_PER_MWH = 1000;
const PERCENT = 100;

function summaryTable(r: WindFarmResult, farm: WindFarmSpec, opts: WindOptions): string {
  const mwh = (kwh: number) => (kwh / KWH_PER_MWH).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const lines = [
    `wind farm: ${farm.turbineCount} turbines × ${(r.nameplateKw / farm.turbineCount).toLocaleString("en-US")} kW, hub ${farm.turbine.hubHeightM} m, rotor ${farm.turbine.rotorDiameterM} m (${opts.weather})`,
    `annual energy      ${mwh(r.annualEnergyKwh)} MWh (gross ${mwh(r.annualGrossEnergyKwh)} MWh)`,
    `capacity factor    ${(r.capacityFactorFraction * PERCENT).toFixed(2)} %`,
    `wake loss          ${r.wakeLossPercent.toFixed(3)} %   other losses ${r.otherLossesPercent.toFixed(2)} %`,
    `hub wind speed     ${r.averageHubSpeedMps.toFixed(2)} m/s mean (${r.hubSpeedMethod}${r.shearExponentApplied === null ? "" : `, shear ${r.shearExponentApplied}`})`,
    "month  energy MWh",
    ...r.monthlyEnergyKwh.map((e, i) => `${MONTHS[i]}    ${mwh(e).padStart(12)}`),
  ];
  if (opts.hourly) lines.push("hour,net_kw", ...Array.from(r.netKw, (v, h) => `${h},${v}`));
  return `${lines.join("\n")}\n`;
}

function profileWind(opts: WindOptions, io: Io): number {
  const ds: Diagnostic[] = [];
  const farm = farmFromOptions(opts, ds);
  const resource = readSrwFile(opts.weather);
  ds.push(...resource.diagnostics);
  const shear = farm?.shearExponent ?? referenceData.windModel.defaults.shearExponent;
  const derived = farm && resource.value ? extrapolateToHubHeight(resource.value, farm.turbine.hubHeightM, shear, referenceData.windModel, opts.weather) : null;
  if (derived) ds.push(...derived.diagnostics);
  const out = farm && derived ? runWindFarm(derived.value.resource, farm) : null;
  if (out) ds.push(...out.diagnostics);
  const shown = ds.filter((d) => d.severity !== "info");
  if (!farm || !out?.value || hasErrors(ds)) {
    io.stderr(`profile wind: ${ds.filter((d) => d.severity === "error").length} error(s); nothing was written\n`);
    for (const d of shown) io.stderr(`  ${formatDiagnostic(d)}\n`);
    return EXIT_BAD_INPUT;
  }
  for (const d of shown) io.stderr(`  ${formatDiagnostic(d)}\n`);
  io.stdout(opts.format === "json" ? `${JSON.stringify(summaryJson(out.value, opts, farm, ds))}\n` : summaryTable(out.value, farm, opts));
  return EXIT_OK;
}

/** Adds `profile wind` to `program` (creating the `profile` group when absent). */
export function registerProfileWindCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  const profile = profileCommand(program);
  const { defaults } = referenceData.windModel;
  profile
    .command("wind")
    .description("hourly output of a wind farm from a SAM .srw wind resource or an EPW station file (SAM/ssc windpower model, simple wakes)")
    .requiredOption("--weather <file>", "wind resource: SAM .srw (hub-height data) or EnergyPlus .epw (10 m station wind, scaled with --shear and a warning); .gz too")
    .requiredOption("--hub-height-m <m>", "turbine hub height")
    .option("--turbines <n>", "number of turbines (default: as many as in --layout)")
    .option("--power-curve <csv>", "power curve CSV (wind_speed_m_s,power_kW) at standard density (default: ssc test 1.5 MW turbine)")
    .option("--rotor-diameter-m <m>", "rotor diameter (default 77 m with the default power curve)")
    .option("--layout <csv>", "turbine positions x_m,y_m (default: staggered rows 8 rotor diameters apart)")
    .option("--shear <exponent>", `power-law shear exponent when the resource has no hub-height speed (default ${defaults.shearExponent})`)
    .option("--turbulence <fraction>", `ambient turbulence intensity for the wake model (default ${defaults.turbulenceIntensityFraction})`)
    .addOption(new Option("--wake-model <model>", "internal wake model").choices(["simple", "constant", "none"]).default("simple"))
    .option("--wake-loss-percent <p>", "internal wake loss for --wake-model constant")
    .option("--losses-percent <p>", "other losses after wakes, % (default 0)")
    .option("--availability-percent <p>", "availability loss, % (default 0)")
    .option("--electrical-percent <p>", "electrical loss, % (default 0)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("--hourly", "also print the 8760 hourly net outputs (kW)")
    .action((opts: WindOptions) => setExit(profileWind(opts, io)));
}
