import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readEia930DemandFile, readEia930FuelMixFile } from "../../io/eia930-file.ts";
import { utcHourEndingToLocalStandard8760 } from "./local-time.ts";

const grid = fileURLToPath(new URL("../../../data/grid/", import.meta.url));
const JAN1_2022 = Date.UTC(2022, 0, 1);
const index = (n: number) => Float64Array.from({ length: n }, (_, i) => i);

describe("utcHourEndingToLocalStandard8760", () => {
  it("UTC−6, series stamped 2022-01-01 00:00 … 2022-12-31 23:00 (hour ending): local hour 0 is row 7, the last 7 local hours wrap", () => {
    const { value: r } = utcHourEndingToLocalStandard8760(index(8760), JAN1_2022, -6);
    expect(r!.year).toBe(2022);
    // local Jan 1 00:00–01:00 CST = 06:00–07:00 UTC = the row stamped 07:00
    expect(r!.values[0]).toBe(7);
    expect(r!.values[8752]).toBe(8759); // local Dec 31 16:00–17:00 = row stamped 22:00→23:00 UTC
    expect(Array.from(r!.values.subarray(8753))).toEqual([0, 1, 2, 3, 4, 5, 6]); // wrapped: same clock hours of Dec 31 2021
    expect(r!.wrappedHours).toBe(7);
  });

  it("UTC+0 with a series stamped hour ending 01:00 … is the identity", () => {
    const r = utcHourEndingToLocalStandard8760(index(8760), JAN1_2022 + 3_600_000, 0).value!;
    expect(Array.from(r.values)).toEqual(Array.from(index(8760)));
    expect(r.wrappedHours).toBe(0);
  });

  it("east of Greenwich and leap years: Feb 29 is skipped", () => {
    const r = utcHourEndingToLocalStandard8760(index(8784), Date.UTC(2024, 0, 1, 1), 0).value!;
    expect(r.year).toBe(2024);
    expect(r.values[1415]).toBe(1415);
    expect(r.values[1416]).toBe(1440);
    const east = utcHourEndingToLocalStandard8760(index(8760), JAN1_2022 + 3_600_000, 9).value!;
    expect(east.values[9]).toBe(0); // local 09:00 Jan 1 = UTC 00:00
    expect(east.wrappedHours).toBe(9);
  });

  it("rejects wrong lengths and offsets", () => {
    expect(utcHourEndingToLocalStandard8760(index(100), JAN1_2022, -6).diagnostics[0].path).toBe("values");
    expect(utcHourEndingToLocalStandard8760(index(8760), JAN1_2022, 5.5).diagnostics[0].path).toBe("utcOffsetHours");
  });

  it("puts ERCOT 2022 solar at midday and demand peaks in the afternoon, local standard time", () => {
    const mix = readEia930FuelMixFile(`${grid}ERCO_2022_hourly_fuelmix_avgCI.csv.gz`).value!;
    const sun = utcHourEndingToLocalStandard8760(mix.generationMwhByFuel.SUN, mix.hourEndingUtcMs[0], -6).value!.values;
    const byHour = new Float64Array(24);
    for (let k = 0; k < 8760; k++) byHour[k % 24] += sun[k];
    const peak = byHour.indexOf(Math.max(...byHour));
    expect(peak === 12 || peak === 13).toBe(true); // 12:00–14:00 CST; solar noon ≈ 12:30 at 98° W
    expect(byHour[2]).toBeLessThan(byHour[peak] * 0.01);
    const d = readEia930DemandFile(`${grid}ERCO_2022_hourly_demand_EIA930.csv.gz`).value!;
    const dem = utcHourEndingToLocalStandard8760(d.seriesMw.texas_ic_demand_cleaned_MW, d.hourEndingUtcMs[0], -6).value!.values;
    const peakHour = dem.indexOf(Math.max(...dem)) % 24;
    expect(peakHour).toBeGreaterThanOrEqual(15); // 2022 peak 79,830 MW on a July afternoon
    expect(peakHour).toBeLessThanOrEqual(18);
  });
});
