/** Parsing scenario text: hostile YAML is a bad input with a diagnostic, never a crash. */
import { describe, expect, it } from "vitest";
import { parseScenarioText } from "./load.ts";

describe("parseScenarioText", () => {
  it("an alias expansion bomb (billion laughs) is a diagnostic, not an exception", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (const [prev, name] of [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"]]) levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    const out = parseScenarioText(levels.join("\n"), "bomb.yaml");
    expect(out.value).toBeNull();
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0].severity).toBe("error");
    expect(out.diagnostics[0].message).toMatch(/YAML cannot be expanded: Excessive alias count/);
  });
});
