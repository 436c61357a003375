import { describe, expect, it } from "vitest";
import { LpBuilder } from "./builder.ts";
import { LP_MAX_LINE_CHARS, formatLpNumber, sanitizeLpName, uniqueLpNames, writeLp } from "./lp-writer.ts";

describe("LP names", () => {
  it("keeps legal names and repairs illegal ones", () => {
    expect(sanitizeLpName("gas_12")).toBe("gas_12");
    expect(sanitizeLpName("cap pv[MW]")).toBe("cap_pv_MW_");
    expect(sanitizeLpName("12abc")).toBe("n_12abc");
    expect(sanitizeLpName("export_3")).toBe("n_export_3"); // e/E would read as an exponent
    expect(sanitizeLpName("free")).toBe("n_free");
    expect(sanitizeLpName("")).toBe("n_");
  });
  it("makes names unique after sanitizing", () => {
    expect(uniqueLpNames(["a b", "a_b", "a-b"])).toEqual(["a_b", "a_b_2", "a_b_3"]);
  });
  it("writes numbers exactly and infinities as the format spells them", () => {
    expect(formatLpNumber(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(Number(formatLpNumber(1 / 3))).toBe(1 / 3);
    expect(formatLpNumber(Infinity)).toBe("+inf");
    expect(formatLpNumber(-Infinity)).toBe("-inf");
  });
});

describe("writeLp", () => {
  it("writes the sections, row senses and bounds of a small model", () => {
    const b = new LpBuilder("small");
    const x = b.addColumn("x", 0, Infinity, 3);
    const y = b.addColumn("y", 0, 4, 2);
    const z = b.addColumn("z", -Infinity, Infinity, 0);
    const w = b.addColumn("w", 2, 2, -1);
    b.addRow("ge", 2, Infinity, [x, y], [1, 1]);
    b.addRow("le", -Infinity, 1, [y, z], [1, -0.5]);
    b.addRow("eq", 0, 0, [z, x, w], [1, -1, 1]);
    b.addRow("range", -1, 5, [x], [2]);
    const { text, rowOrigin } = writeLp(b.build());
    expect(text).toBe(
      [
        "\\ small: 4 columns, 4 rows (written by gigaplan)",
        "Minimize",
        " obj: + 3 x + 2 y - 1 w",
        "Subject To",
        " ge: + 1 x + 1 y >= 2",
        " le: + 1 y - 0.5 z <= 1",
        " n_eq: + 1 z - 1 x + 1 w = 0",
        " range_lo: + 2 x >= -1",
        " range_hi: + 2 x <= 5",
        "Bounds",
        " 0 <= y <= 4",
        " z free",
        " w = 2",
        "End",
        "",
      ].join("\n"),
    );
    expect([...rowOrigin]).toEqual([0, 1, 2, 3, 3]);
  });

  it("wraps long rows below the line limit", () => {
    const b = new LpBuilder("long");
    const cols = Array.from({ length: 500 }, (_, i) => b.addColumn(`variable_with_a_long_name_${i}`, 0, 1, 1));
    b.addRow("sum", -Infinity, 10, cols, cols.map(() => 1.25));
    const { text } = writeLp(b.build());
    const lines = text.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(LP_MAX_LINE_CHARS);
    expect(lines.filter((l) => l.startsWith(" sum:"))).toHaveLength(1);
    expect((text.match(/variable_with_a_long_name_/g) ?? []).length).toBe(1500); // objective, row, bounds
  });

  it("sums repeated columns of a row and drops zero coefficients", () => {
    const b = new LpBuilder("dup");
    const x = b.addColumn("x", 0, 1, 1);
    const y = b.addColumn("y", 0, 1, 1);
    b.addRow("r", 1, Infinity, [x, y, x, y], [1, 2, 2, -2]);
    const p = b.build();
    expect([...p.colIndex]).toEqual([x]);
    expect([...p.value]).toEqual([3]);
  });
});
