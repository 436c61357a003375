import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shiftFlexibleLoad } from "./flexible-load.ts";

describe("rule-based flexible load", () => {
  it("moves load from short hours to clean-surplus hours within each window (hand-checked)", () => {
    const load = Float64Array.of(100, 100, 100, 100);
    const clean = Float64Array.of(0, 0, 200, 150); // night, night, solar noon, afternoon
    const out = new Float64Array(4);
    const moved = shiftFlexibleLoad(load, clean, { flexibleLoadFraction: 0.3, windowSteps: 4, maxShiftUpFraction: 0.5 }, 1, out);
    // can give 30 + 30 = 60, can take min(50, 100) + min(50, 50) = 100: 60 moved, taken 30 and 30
    expect(Array.from(out)).toEqual([70, 70, 130, 130]);
    expect(moved).toBe(60);
  });

  it("does nothing with a zero fraction, keeps windows apart and never moves load across them", () => {
    const load = Float64Array.of(100, 100, 100, 100);
    const clean = Float64Array.of(0, 0, 300, 300);
    const same = new Float64Array(4);
    expect(shiftFlexibleLoad(load, clean, { flexibleLoadFraction: 0, windowSteps: 4, maxShiftUpFraction: 0.5 }, 1, same)).toBe(0);
    expect(Array.from(same)).toEqual([100, 100, 100, 100]);
    const split = new Float64Array(4);
    expect(shiftFlexibleLoad(load, clean, { flexibleLoadFraction: 0.5, windowSteps: 2, maxShiftUpFraction: 0.5 }, 1, split)).toBe(0);
  });

  it("conserves each window's energy and respects both limits (property)", () => {
    const arb = fc.record({
      load: fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 100 }),
      cleanScale: fc.double({ min: 0, max: 3, noNaN: true }),
      seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 100, maxLength: 100 }),
      flex: fc.double({ min: 0, max: 1, noNaN: true }),
      up: fc.double({ min: 0, max: 2, noNaN: true }),
      window: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(arb, ({ load, cleanScale, seed, flex, up, window }) => {
        const l = Float64Array.from(load);
        const c = Float64Array.from(load, (x, i) => x * cleanScale * 2 * seed[i]);
        const out = new Float64Array(l.length);
        shiftFlexibleLoad(l, c, { flexibleLoadFraction: flex, windowSteps: window, maxShiftUpFraction: up }, 1, out);
        for (let s = 0; s < l.length; s += window) {
          let a = 0;
          let b = 0;
          for (let t = s; t < Math.min(l.length, s + window); t++) {
            a += l[t];
            b += out[t];
            if (out[t] < l[t] * (1 - flex) - 1e-9 || out[t] > l[t] * (1 + up) + 1e-9) return false;
          }
          if (Math.abs(a - b) > 1e-9 * Math.max(1, a)) return false;
        }
        return true;
      }),
    );
  });
});
