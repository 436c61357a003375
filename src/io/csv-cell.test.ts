import { describe, expect, it } from "vitest";
import { csvCell, tableToCsv } from "./write-output.ts";

describe("CSV numbers (issue 15 item 17)", () => {
  it("are rounded to 10 significant digits: no float noise, integers and text untouched", () => {
    expect(csvCell(0.1 + 0.2)).toBe(0.3);
    expect(csvCell(292723416500.12345)).toBe(292723416500);
    expect(csvCell(0.00012345678912345)).toBe(0.0001234567891);
    expect(csvCell(42)).toBe(42);
    expect(csvCell("GB200")).toBe("GB200");
    expect(csvCell(null)).toBe("");
    expect(tableToCsv({ columns: ["a", "b"], rows: [[1 / 3, null]] })).toBe("a,b\n0.3333333333,\n");
  });
});
