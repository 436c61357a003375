import { describe, expect, it } from "vitest";
import { fiscalQuarterSpan, fiscalYearSpan, formatSpan, monthsInCalendarYear, parseQuarterKey, spanLength } from "./fiscal.ts";

describe("fiscal calendars", () => {
  it("maps fiscal years to calendar months (Microsoft June, Oracle May, others December)", () => {
    expect(fiscalYearSpan(2025, 12)).toEqual({ start: "2025-01", end: "2025-12" });
    expect(fiscalYearSpan(2025, 6)).toEqual({ start: "2024-07", end: "2025-06" });
    expect(fiscalYearSpan(2025, 5)).toEqual({ start: "2024-06", end: "2025-05" });
    expect(spanLength(fiscalYearSpan(2026, 5))).toBe(12);
  });

  it("maps fiscal quarters: Microsoft FY2026 Q1 is July-September 2025", () => {
    expect(formatSpan(fiscalQuarterSpan(2026, 1, 6))).toBe("2025-07..2025-09");
    expect(formatSpan(fiscalQuarterSpan(2025, 3, 6))).toBe("2025-01..2025-03");
    expect(formatSpan(fiscalQuarterSpan(2026, 2, 6))).toBe("2025-10..2025-12");
    expect(formatSpan(fiscalQuarterSpan(2025, 4, 12))).toBe("2025-10..2025-12");
  });

  it("counts the months of a period inside a calendar year", () => {
    expect(monthsInCalendarYear(fiscalYearSpan(2025, 6), 2025)).toBe(6);
    expect(monthsInCalendarYear(fiscalYearSpan(2025, 5), 2025)).toBe(5);
    expect(monthsInCalendarYear(fiscalYearSpan(2026, 5), 2025)).toBe(7);
    expect(monthsInCalendarYear(fiscalYearSpan(2025, 12), 2024)).toBe(0);
  });

  it("parses quarter keys", () => {
    expect(parseQuarterKey("2026Q1")).toEqual({ fiscalYear: 2026, quarter: 1 });
    expect(parseQuarterKey("2026Q5")).toBeNull();
    expect(parseQuarterKey("FY2026Q1")).toBeNull();
  });
});
