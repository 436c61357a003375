/**
 * The Meta reference scenario against its sources (issue 12): figures the scenario states must agree with the
 * evidence the claim checker uses, so `run` and `check-claims` tell the same story.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { claimData } from "../src/data/index.ts";
import { ROOT } from "./helpers/server.ts";

const scenario = parseYaml(readFileSync(join(ROOT, "scenarios", "meta-600b.yaml"), "utf8")) as { financing: { structures: Record<string, unknown>[] } };

describe("Meta scenario financing", () => {
  it("carries Meta's $30B corporate bond of Oct 2025 as the claim checker's evidence states it (item 13)", () => {
    const bonds = scenario.financing.structures.filter((s) => s.kind === "corporateBond");
    expect(bonds).toHaveLength(6);
    const totalUsdB = bonds.reduce((a, b) => a + (b.amountUsd as number), 0) / 1e9;
    const evidence = claimData.evidence.items.metaCorporateBond2025;
    expect(evidence.unit).toBe("USD bn");
    expect(totalUsdB).toBeCloseTo(evidence.value as number, 9);
    // issued the month the evidence dates the sale (priced 30 Oct, closed 3 Nov 2025)
    for (const b of bonds) expect(b.issueMonth).toBe("2025-11");
    expect(evidence.asOf?.slice(0, 7)).toBe("2025-10");
  });
});
