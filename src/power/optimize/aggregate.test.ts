import { describe, expect, it } from "vitest";
import { makeSeries } from "../../../test/helpers/power-series.ts";
import { aggregateSeries, validResolutions } from "./aggregate.ts";

describe("time aggregation", () => {
  it("averages blocks of hours and keeps energy", () => {
    const s = makeSeries({ loadMw: [1, 2, 3, 4, 5, 6], pvCapacityFactor: [0, 0.5, 1, 1, 0.5, 0] });
    const a = aggregateSeries(s, 3);
    expect(a.stepHours).toBe(3);
    expect([...a.loadMw]).toEqual([2, 5]);
    expect([...a.pvCapacityFactor]).toEqual([0.5, 0.5]);
    expect(a.loadMw.reduce((x, y) => x + y, 0) * a.stepHours).toBe(21);
    expect(aggregateSeries(s, 1)).toBe(s);
    expect(() => aggregateSeries(s, 4)).toThrow(/divisor/);
  });
  it("lists the resolutions a 8760-hour year allows", () => {
    expect(validResolutions()).toEqual([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24]);
  });
});
