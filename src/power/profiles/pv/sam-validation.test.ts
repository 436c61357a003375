/**
 * Validation against NREL SAM (ssc PVWatts v8) and HOPP expected results, copied from their test sources
 * (see /work/shared/validation/expected/EXPECTED.md). Weather is read from ../shared/validation when present,
 * else from the copies bundled in data/weather/. The issue requires annual energy within ±2 %; we assert 0.1 %.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readSolarWeatherFile } from "../../../io/solar-file.ts";
import { AMARILLO_PSM3_2012, PHOENIX_PSM3_TMY, PHOENIX_TMY2, SHARED_VALIDATION_DIR, solarWeatherFixture } from "../../../../test/helpers/solar-fixtures.ts";
import type { SolarWeather } from "./weather.ts";
import { simulatePv } from "./simulate.ts";
import type { PvArrayType, PvModuleType, PvSystem } from "./system.ts";

const ANNUAL_TOLERANCE = 0.001;
const MONTHLY_TOLERANCE = 0.005;

function loadWeather(name: string): SolarWeather | null {
  const file = solarWeatherFixture(name);
  return file ? readSolarWeatherFile(file.path).value : null;
}

const relErr = (actual: number, expected: number): number => actual / expected - 1;
const tmy2 = loadWeather(PHOENIX_TMY2);
const psm3 = loadWeather(PHOENIX_PSM3_TMY);
const amarillo = loadWeather(AMARILLO_PSM3_2012);
const why = "reference weather files absent: neither ../shared/validation/weather nor data/weather/*.gz found";

// ------------------------------------------------------------------------------------------- Case A, A2, A3
// ssc test/input_cases/pvwatts_cases.h L67-85 (weather: USA AZ Phoenix (TMY2).csv, L64)
const caseA: PvSystem = {
  systemCapacityKw: 4, moduleType: 0, dcAcRatio: 1.2000000476837158, arrayType: 0, tiltDeg: 20, azimuthDeg: 180,
  gcr: 0.40000000596046448, lossesPercent: 14.075660705566406, inverterEfficiencyPercent: 96,
};

describe.skipIf(!tmy2)(`Case A: PVWatts v8, 4 kWdc fixed rack, Phoenix TMY2${tmy2 ? "" : ` (skipped: ${why})`}`, () => {
  const r = tmy2 ? simulatePv(tmy2, caseA) : null;

  it("annual energy 7043.1973 kWh (cmod_pvwattsv8_test.cpp L65)", () => {
    expect(Math.abs(relErr(r!.annualEnergyKwh, 7043.1973))).toBeLessThan(ANNUAL_TOLERANCE);
  });

  it("monthly energy (L67-78), AC capacity factor 24.120 % (L84), yield 1760.799 kWh/kW (L88)", () => {
    const expected = [441.117, 488.02, 601.263, 685.43, 730.075, 681.335, 679.185, 662.545, 610.097, 583.053, 461.662, 419.413];
    r!.monthlyEnergyKwh.forEach((m, k) => expect(Math.abs(relErr(m, expected[k])), `month ${k + 1}`).toBeLessThan(MONTHLY_TOLERANCE));
    expect(r!.capacityFactorAcFraction * 100).toBeCloseTo(24.12, 1);
    expect(r!.annualEnergyKwh / caseA.systemCapacityKw).toBeCloseTo(1760.799, 0);
  });

  // DifferentTechnologyInputs_cmod_pvwattsv8, expected vector at L104 (loops L113-126, L130-143)
  it.each([
    [0, 0, 7043.197], [1, 0, 7040.913], [2, 0, 7099.417],
    [0, 0, 7043.197], [0, 1, 7014.26], [0, 2, 8859.963], [0, 3, 8802.08], [0, 4, 9910.386],
  ] as [PvModuleType, PvArrayType, number][])("A2: module type %i, array type %i -> %f kWh (L104)", (moduleType, arrayType, expected) => {
    const e = simulatePv(tmy2!, { ...caseA, moduleType, arrayType }).annualEnergyKwh;
    expect(Math.abs(relErr(e, expected))).toBeLessThan(ANNUAL_TOLERANCE);
  });

  // LargeSystem_cmod_pvwattsv8, 1000 kWdc, expected vector at L154
  it.each([
    [0, 1759882.2], [1, 1753564.9], [2, 2212064.0], [3, 2197863.4], [4, 2477596.6],
  ] as [PvArrayType, number][])("A3: 1 MWdc, array type %i -> %f kWh (L154)", (arrayType, expected) => {
    const e = simulatePv(tmy2!, { ...caseA, systemCapacityKw: 1000, arrayType }).annualEnergyKwh;
    expect(Math.abs(relErr(e, expected))).toBeLessThan(ANNUAL_TOLERANCE);
  });
});

// ------------------------------------------------------------------------------------------- Case B
// test/input_json/TechnologyModels/pvwattsv8/dc_ac_ratio_{0.5,1,1.5,2}_PVWatts_Single_Owner_cmod_pvwattsv8.json
const caseB = (dcAcRatio: number): PvSystem => ({
  systemCapacityKw: 100000, dcAcRatio, arrayType: 2, tiltDeg: 0, azimuthDeg: 180, gcr: 0.3, moduleType: 0,
  lossesPercent: 14.075660688264469, inverterEfficiencyPercent: 96,
});
const RATIOS = [0.5, 1, 1.5, 2];
// annual_energy of the outputs JSON; tests at cmod_pvwattsv8_test.cpp L599, L611, L622, L633
const B_ANNUAL = [209582372.34, 211580007.21, 207766827.94, 175629716.39];
// monthly_energy of the outputs JSON (pvwattsv8_100MWdc_1axis_phoenix_dcac_monthly_kWh.csv), columns by ratio
const B_MONTHLY = [
  [11769725.216, 11908745.532, 11955603.913, 11370634.855], [13204758.285, 13346122.688, 13384790.091, 11757008.773],
  [18428743.323, 18594705.238, 18148515.128, 14685574.56], [21283804.572, 21466273.104, 20202483.712, 16108952.772],
  [23808390.366, 23998766.791, 22713711.745, 18060645.487], [23517770.26, 23706702.481, 23004271.173, 18415263.959],
  [20902830.5, 21094500.453, 20824803.354, 17080812.366], [19677900.114, 19868556.739, 19786142.227, 16351238.182],
  [17938419.502, 18110716.552, 18126971.43, 15035118.002], [15852470.933, 16011806.147, 16054162.74, 14234413.762],
  [12662347.527, 12804084.523, 12851330.189, 12035251.336], [10535211.745, 10669026.962, 10714042.234, 10494802.334],
];

/** Hourly `gen` (AC kW) of the four ssc runs: shared expected CSV, else the bundled gzipped copy. */
function hourlyExpected(): number[][] {
  const name = "pvwattsv8_100MWdc_1axis_phoenix_dcac_hourly_gen_kW.csv";
  const shared = join(SHARED_VALIDATION_DIR, "expected", name);
  const text = existsSync(shared) ? readFileSync(shared, "utf8") : gunzipSync(readFileSync(new URL(`./fixtures/${name}.gz`, import.meta.url))).toString("utf8");
  return text.trim().split("\n").slice(1).map((l) => l.split(",").slice(1).map(Number));
}

describe.skipIf(!psm3)(`Case B: 100 MWdc one-axis tracker, Phoenix PSM3 TMY, DC/AC sweep${psm3 ? "" : ` (skipped: ${why})`}`, () => {
  const runs = psm3 ? RATIOS.map((r) => simulatePv(psm3, caseB(r))) : [];

  it.each(RATIOS.map((r, k) => [r, B_ANNUAL[k], k]))("DC/AC %f: annual %f kWh", (_ratio, expected, k) => {
    expect(Math.abs(relErr(runs[k].annualEnergyKwh, expected))).toBeLessThan(ANNUAL_TOLERANCE);
  });

  it("monthly energy within 0.5 % for every ratio and month", () => {
    const worst = Math.max(...runs.flatMap((run, k) => run.monthlyEnergyKwh.map((m, month) => Math.abs(relErr(m, B_MONTHLY[month][k])))));
    expect(worst).toBeLessThan(MONTHLY_TOLERANCE);
  });

  it("hourly AC: RMSE below 0.05 % of the DC nameplate (50 kW) for every ratio", () => {
    const expected = hourlyExpected();
    expect(expected).toHaveLength(8760);
    runs.forEach((run, k) => {
      let se = 0;
      for (let h = 0; h < 8760; h++) se += (run.acKw[h] - expected[h][k]) ** 2;
      expect(Math.sqrt(se / 8760), `ratio ${RATIOS[k]}`).toBeLessThan(50);
    });
  });
});

// ------------------------------------------------------------------------------------------- Case D (HOPP)
// tests/hopp/test_hybrid.py test_hybrid_pv_only L697; inputs hybrid_run.yaml L8-17 and pv_plant.py L50-89.
// array_type 2, azimuth 180, module_type 0 come from PySAM's PVWattsSingleOwner defaults (inferred, see EXPECTED.md);
// the match below (0.02 %) supports the inference: backtracking or a fixed rack would be 0.7 % / 19 % off.
describe.skipIf(!amarillo)(`Case D: HOPP PV-only 5 MWdc, Amarillo PSM3 2012${amarillo ? "" : ` (skipped: ${why})`}`, () => {
  it("annual energy 10,789,795.03 kWh (test_hybrid.py L697)", () => {
    const system: PvSystem = {
      systemCapacityKw: 4999.9, dcAcRatio: 1.3, inverterEfficiencyPercent: 96, lossesPercent: 14.08, gcr: 0.5,
      tiltDeg: 0.76 * 35.2018863 + 3.1, azimuthDeg: 180, arrayType: 2, moduleType: 0,
    };
    expect(Math.abs(relErr(simulatePv(amarillo!, system).annualEnergyKwh, 10789795.03))).toBeLessThan(ANNUAL_TOLERANCE);
  });
});
