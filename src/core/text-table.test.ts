import { describe, expect, it } from "vitest";
import { renderTextTable } from "./text-table.ts";

describe("renderTextTable", () => {
  it("pads the first column on the right and the others on the left, two spaces apart", () => {
    const lines = renderTextTable(["year", "capex $B", "IT MW"], [["2025", "1.5", "300"], ["2026", "12.0", "1,200"]]);
    expect(lines).toEqual([
      "year  capex $B  IT MW",
      "2025       1.5    300",
      "2026      12.0  1,200",
    ]);
  });

  it("sizes every column to its widest cell, header included", () => {
    const lines = renderTextTable(["a", "b"], [["long label", "1"], ["x", "123456"]]);
    expect(lines).toEqual([
      "a                b",
      "long label       1",
      "x           123456",
    ]);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });

  it("draws a dashed rule as wide as each column when asked", () => {
    const lines = renderTextTable(["site", "MW 2030"], [["Hyperion", "5,000"]], { rule: true });
    expect(lines).toEqual([
      "site      MW 2030",
      "--------  -------",
      "Hyperion    5,000",
    ]);
  });

  it("left-aligns the first n columns when leftColumns is a number", () => {
    const lines = renderTextTable(["id", "verdict", "n"], [["C1", "holds", "7"], ["C10", "off", "12"]], { leftColumns: 2 });
    expect(lines).toEqual([
      "id   verdict   n",
      "C1   holds     7",
      "C10  off      12",
    ]);
  });

  it("left-aligns exactly the listed columns when leftColumns is a list", () => {
    const lines = renderTextTable(["company", "capex $B", "how"], [["Meta", "72.2", "fiscal"], ["Oracle", "9.1", "pro rata"]], { leftColumns: [0, 2] });
    expect(lines).toEqual([
      "company  capex $B  how     ",
      "Meta         72.2  fiscal  ",
      "Oracle        9.1  pro rata",
    ]);
  });

  it("right-aligns every column with leftColumns 0", () => {
    expect(renderTextTable(["x", "yy"], [["10", "2"]], { leftColumns: 0 })).toEqual([" x  yy", "10   2"]);
  });

  it("trimEnd removes the padding a left-aligned last column leaves, on every line", () => {
    const lines = renderTextTable(["company", "how"], [["Meta", "fiscal"], ["Oracle", "pro rata"]], { leftColumns: 2, rule: true, trimEnd: true });
    expect(lines).toEqual([
      "company  how",
      "-------  --------",
      "Meta     fiscal",
      "Oracle   pro rata",
    ]);
  });

  it("keeps the padding of empty right-aligned cells without trimEnd", () => {
    const lines = renderTextTable(["year", "OCF", "gap"], [["2024", "94.8", ""], ["2025", "", "1.0"]]);
    expect(lines).toEqual([
      "year   OCF  gap",
      "2024  94.8     ",
      "2025        1.0",
    ]);
  });

  it("uses a custom gap between columns and in the rule", () => {
    expect(renderTextTable(["a", "b"], [["1", "22"]], { gap: " | ", rule: true })).toEqual(["a |  b", "- | --", "1 | 22"]);
  });

  it("renders the header (and rule) alone when there are no rows", () => {
    expect(renderTextTable(["samples", "mean"], [])).toEqual(["samples  mean"]);
    expect(renderTextTable(["samples", "mean"], [], { rule: true })).toEqual(["samples  mean", "-------  ----"]);
  });

  it("handles empty strings and a table without columns", () => {
    expect(renderTextTable(["", ""], [["", ""]])).toEqual(["  ", "  "]);
    expect(renderTextTable([], [[], []], { rule: true })).toEqual(["", "", "", ""]);
  });

  it("measures width in String.length, so single-unit non-ASCII symbols line up", () => {
    expect(renderTextTable(["input", "p10 → NPV"], [["pue", "$1.0B"]])).toEqual(["input  p10 → NPV", "pue        $1.0B"]);
  });

  it("rejects a row whose cell count differs from the header", () => {
    expect(() => renderTextTable(["a", "b"], [["1"]])).toThrow(/row 0 has 1 cells, the header has 2/);
    expect(() => renderTextTable(["a"], [["1"], ["1", "2"]])).toThrow(/row 1 has 2 cells/);
  });

  it("does not mutate its inputs", () => {
    const headers = ["a", "b"];
    const rows = [["1", "2"]];
    renderTextTable(headers, rows, { rule: true, trimEnd: true });
    expect(headers).toEqual(["a", "b"]);
    expect(rows).toEqual([["1", "2"]]);
  });

  it("keeps columns at least minWidths wide", () => {
    expect(renderTextTable(["", "a"], [["x", "1"]], { minWidths: [0, 5] })).toEqual(["       a", "x      1"]);
    expect(renderTextTable(["", "a"], [["x", "123456"]], { minWidths: [0, 5] })).toEqual(["        a", "x  123456"]);
  });
});
