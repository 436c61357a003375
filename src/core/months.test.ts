import { describe, expect, it } from "vitest";
import { hoursInMonthNumber, makeTimeline, monthFromNumber, monthIndex, monthNumber } from "./months.ts";

describe("months", () => {
  it("round-trips YYYY-MM", () => {
    expect(monthFromNumber(monthNumber("2024-02"))).toBe("2024-02");
    expect(monthNumber("2025-01") - monthNumber("2024-12")).toBe(1);
  });
  it("counts leap-year hours", () => {
    expect(hoursInMonthNumber(monthNumber("2024-02"))).toBe(29 * 24);
    expect(hoursInMonthNumber(monthNumber("2100-02"))).toBe(28 * 24);
    expect(hoursInMonthNumber(monthNumber("2000-02"))).toBe(29 * 24);
    const t = makeTimeline("2024-01", "2025-12");
    let h2024 = 0;
    let h2025 = 0;
    for (let m = 0; m < t.months; m++) (t.yearIndex[m] === 0 ? (h2024 += t.hours[m]) : (h2025 += t.hours[m]));
    expect(h2024).toBe(8784);
    expect(h2025).toBe(8760);
    expect(t.years).toEqual([2024, 2025]);
    expect(monthIndex(t, "2025-03")).toBe(14);
  });
  it("rejects non-months", () => {
    expect(() => monthNumber("2024-13")).toThrow();
  });
});
