/** Issue 15 item 15: a scenario without its own company says whose books fund it; reference sections say so. */
import { describe, expect, it } from "vitest";
import { run } from "../pipeline/run.ts";
import { renderTextReport } from "../text/run-report.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";

describe("company defaults", () => {
  it("without a company: the summary, a diagnostic and the funding header name the reference company", () => {
    const out = run(tinyScenario(), undefined, { hourlyPower: false });
    const r = out.result!;
    expect(r.summary.company).toEqual({ name: "Meta Platforms", fromReferenceData: true });
    expect(out.diagnostics.some((d) => d.path === "company" && d.message.includes("states no company"))).toBe(true);
    const text = renderTextReport(r);
    expect(text).toContain("the operating cash flow of Meta Platforms (the reference company of data/company-financials.json: the scenario states none)");
    expect(text).toContain("industry reference points from data/financing.json, the same for every scenario");
  });
  it("with its own company: no default is claimed", () => {
    const out = run({ ...tinyScenario(), company: { name: "Acme", revenueUsdByYear: { "2025": 50e9 }, operatingCashFlowMarginFraction: 0.3 } }, undefined, { hourlyPower: false });
    expect(out.result!.summary.company).toEqual({ name: "Acme", fromReferenceData: false });
    expect(out.diagnostics.some((d) => d.path === "company")).toBe(false);
    expect(renderTextReport(out.result!)).toContain("the operating cash flow of Acme):");
  });
});
