import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceData } from "../../data/index.ts";
import { readEia930FuelMixFile } from "../../io/eia930-file.ts";
import { hourlyCarbonIntensity } from "./carbon.ts";
import { utcHourEndingToLocalStandard8760 } from "./local-time.ts";
import { proxyHourlyIntensityForRegion, proxyHourlyIntensityFromShape, weightedMean } from "./proxy.ts";

const FUELMIX = fileURLToPath(new URL("../../../data/grid/ERCO_2022_hourly_fuelmix_avgCI.csv.gz", import.meta.url));

describe("proxyHourlyIntensityFromShape", () => {
  it("hand case: shape [100, 300], weights [3, 1] → mean 150; target 300 → ×2", () => {
    const r = proxyHourlyIntensityFromShape(Float64Array.of(100, 300), 300, Float64Array.of(3, 1)).value!;
    expect(r.shapeMeanKgPerMwh).toBe(150);
    expect(r.scaleFactor).toBe(2);
    expect(Array.from(r.intensityKgPerMwh)).toEqual([200, 600]);
  });

  it("keeps the shape and hits the target mean (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 48 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (xs, target) => {
          const shape = Float64Array.from(xs);
          const r = proxyHourlyIntensityFromShape(shape, target).value!;
          const ratioOk = xs.every((x, i) => Math.abs(r.intensityKgPerMwh[i] - x * r.scaleFactor) <= 1e-9 * Math.max(1, x));
          return ratioOk && Math.abs(weightedMean(r.intensityKgPerMwh) - target) <= 1e-9 * Math.max(1, target);
        },
      ),
    );
  });

  it("rejects bad inputs", () => {
    expect(proxyHourlyIntensityFromShape(Float64Array.of(1, -1), 5).diagnostics[0].path).toBe("shapeKgPerMwh");
    expect(proxyHourlyIntensityFromShape(Float64Array.of(1, 2), 5, Float64Array.of(1)).diagnostics[0].path).toBe("weights");
    expect(proxyHourlyIntensityFromShape(Float64Array.of(0, 0), 5).value).toBeNull();
    expect(proxyHourlyIntensityForRegion(Float64Array.of(1), "Narnia").diagnostics[0].message).toContain("unknown grid region");
  });
});

describe("PJM proxy from the ERCOT 2022 hourly shape (local standard time)", () => {
  const mix = readEia930FuelMixFile(FUELMIX).value!;
  const carbon = hourlyCarbonIntensity(mix.generationMwhByFuel).value!;
  const local = (v: Float64Array) => utcHourEndingToLocalStandard8760(v, mix.hourEndingUtcMs[0], -6).value!.values;
  const shape = local(carbon.intensityKgPerMwh);
  const weights = local(carbon.generationMwh);
  const out = proxyHourlyIntensityForRegion(shape, "PJM", weights);

  it("has PJM's eGRID annual mean (453.6 kg/MWh) weighted by ERCOT generation, and says it is a proxy", () => {
    const pjm = referenceData.gridRegions.PJM.co2KgPerMwh;
    expect(weightedMean(out.value!.intensityKgPerMwh, weights)).toBeCloseTo(pjm, 9);
    expect(out.value!.scaleFactor).toBeCloseTo(pjm / 346.16, 2);
    expect(out.diagnostics).toEqual([expect.objectContaining({ severity: "info", message: expect.stringContaining("proxy") })]);
  });

  it("keeps ERCOT's daily pattern: cleanest at night (wind), dirtiest in the evening ramp after sunset", () => {
    const byHour = Array.from({ length: 24 }, () => 0);
    for (let k = 0; k < 8760; k++) byHour[k % 24] += out.value!.intensityKgPerMwh[k] / 365;
    const peak = byHour.indexOf(Math.max(...byHour));
    const low = byHour.indexOf(Math.min(...byHour));
    expect(peak).toBeGreaterThanOrEqual(17); // measured: 19:00-20:00 CST
    expect(peak).toBeLessThanOrEqual(20);
    expect(low).toBeLessThanOrEqual(4); // measured: 01:00-02:00 CST
    expect(byHour[peak] / byHour[low]).toBeGreaterThan(1.1); // measured 1.18
  });
});
