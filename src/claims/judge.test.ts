import { describe, expect, it } from "vitest";
import { type ClaimedValue, combineParts, deviationFactor, judgeBenchmark, judgeDirection, judgeExceeds, judgeFigure, judgeLabel, judgeReadings, judgeShareOf, type Tolerances, withMixes } from "./judge.ts";
import { type Quantity, qty } from "../core/quantity.ts";
import type { SourcedReading } from "./types.ts";

const tol: Tolerances = { holdsRelative: 0.02, approxRelative: 0.15, maxRangeWidthRelative: 0.3 };
const about = (v: number, unit: string, tags = {}): ClaimedValue => ({ bound: "about", low: qty(v, unit, tags), high: qty(v, unit, tags) });

describe("deviation factor", () => {
  it("is symmetric for 'about' and 1 inside ranges and bounds", () => {
    expect(deviationFactor(qty(51.24, "USD bn"), about(51, "USD bn"))).toBeCloseTo(51.24 / 51, 12);
    expect(deviationFactor(qty(25, "USD bn"), about(50, "USD bn"))).toBe(2);
    const range: ClaimedValue = { bound: "range", low: qty(27, "USD bn"), high: qty(30, "USD bn") };
    expect(deviationFactor(qty(29.8, "USD bn"), range)).toBe(1);
    expect(deviationFactor(qty(33, "USD bn"), range)).toBeCloseTo(1.1, 12);
    expect(deviationFactor(qty(540.2, "USD bn"), { bound: "range", low: qty(570, "USD bn"), high: qty(580, "USD bn") })).toBeCloseTo(570 / 540.2, 12);
  });

  it("reads 'more than 29' of a count as at least 30", () => {
    const c: ClaimedValue = { bound: "moreThan", low: qty(29, "count"), high: qty(29, "count"), integer: true };
    expect(deviationFactor(qty(29, "count"), c)).toBeCloseTo(30 / 29, 12);
    expect(deviationFactor(qty(30, "count"), c)).toBe(1);
    const up: ClaimedValue = { bound: "upTo", low: qty(500, "count"), high: qty(500, "count") };
    expect(deviationFactor(qty(600, "count"), up)).toBeCloseTo(1.2, 12);
  });
});

describe("judgeFigure thresholds (tolerances as data)", () => {
  it("holds within 2 %, holds approximately within 15 %, else off by the factor", () => {
    expect(judgeFigure("x", about(51, "USD bn/quarter"), qty(51.24, "USD bn/quarter"), tol).verdict).toBe("holds");
    const approx = judgeFigure("x", about(2.2, "GW"), qty(2262, "MW"), tol);
    expect(approx.verdict).toBe("holds-approximately");
    expect(approx.toleranceFraction).toBe(0.15);
    const off = judgeFigure("x", about(200e3, "count"), qty(555_555, "count"), tol);
    expect(off.verdict).toBe("off-by-factor");
    expect(off.factor).toBeCloseTo(2.7778, 3);
    // the same numbers with a tighter approximate tolerance flip the verdict
    expect(judgeFigure("x", about(2.2, "GW"), qty(2262, "MW"), { ...tol, approxRelative: 0.02 }).verdict).toBe("off-by-factor");
  });

  it("flags a power compared with an energy as a unit error and shows coherent readings", () => {
    const r = judgeFigure("x", about(1, "GW"), qty(14.04, "GWh"), tol, {
      alternatives: [{ kind: "dimension", label: "daily energy", actual: qty(16.3, "GWh"), claimed: about(14.04, "GWh") }],
    });
    expect(r.verdict).toBe("unit-error");
    expect(r.detail).toContain("power (GW) vs energy (GWh)");
    expect(r.detail).toContain("daily energy");
  });

  it("turns a failed reading into unit-error, scope-mismatch or outdated when an alternative matches", () => {
    const claimed = about(12, "x");
    const profit = judgeFigure("x", claimed, qty(221, "x"), tol, { alternatives: [{ kind: "measure", label: "revenue", actual: qty(11.7, "x") }] });
    expect(profit.verdict).toBe("unit-error");
    const scope = judgeFigure("x", claimed, qty(221, "x"), tol, { alternatives: [{ kind: "scope", label: "US only", actual: qty(12.1, "x") }] });
    expect(scope.verdict).toBe("scope-mismatch");
    const old = judgeFigure("x", about(100, "USD bn/year"), qty(131, "USD bn/year"), tol, { alternatives: [{ kind: "older", label: "Feb plan", actual: qty(100, "USD bn/year") }] });
    expect(old.verdict).toBe("outdated");
    expect(old.newerFigure).toBe("131 USD bn/year");
    // no matching alternative: plain off-by-factor
    expect(judgeFigure("x", claimed, qty(221, "x"), tol, { alternatives: [{ kind: "measure", label: "op. income", actual: qty(29, "x") }] }).verdict).toBe("off-by-factor");
  });

  it("catches matching numbers that compare different measures or scopes", () => {
    const revenueVsProfit = judgeFigure("x", about(51, "USD bn/quarter", { measure: "netIncome" }), qty(51.24, "USD bn/quarter", { measure: "revenue" }), tol);
    expect(revenueVsProfit.verdict).toBe("unit-error");
    const globalVsUs = judgeFigure("x", about(2.9, "USD tn", { scope: "global" }), qty(2.9, "USD tn", { scope: "US" }), tol);
    expect(globalVsUs.verdict).toBe("scope-mismatch");
  });

  it("downgrades loose ranges and floor/ceiling conflicts to holds-approximately", () => {
    const loose: ClaimedValue = { bound: "range", low: qty(25, "%"), high: qty(50, "%") };
    expect(judgeFigure("x", loose, qty(25, "%"), tol).verdict).toBe("holds-approximately");
    const upTo: ClaimedValue = { bound: "upTo", low: qty(500, "count"), high: qty(500, "count") };
    expect(judgeFigure("x", upTo, qty(500, "count"), tol).verdict).toBe("holds");
    expect(judgeFigure("x", upTo, qty(500, "count"), tol, { actualBound: "atLeast" }).verdict).toBe("holds-approximately");
  });
});

describe("other rules", () => {
  it("judges 'a exceeds b'", () => {
    expect(judgeExceeds("x", qty(11, "USD"), qty(9, "USD"), tol, "w").verdict).toBe("holds");
    expect(judgeExceeds("x", qty(9.5, "USD"), qty(10, "USD"), tol, "w").verdict).toBe("holds-approximately");
    const r = judgeExceeds("x", qty(5, "USD"), qty(10, "USD"), tol, "w");
    expect(r.verdict).toBe("off-by-factor");
    expect(r.factor).toBe(2);
  });

  it("judges a share of a whole with different scope as a scope-mismatch", () => {
    const part = qty(600, "USD bn", { measure: "totalUsInvestment", scope: "US" });
    const whole = qty(2.9, "USD tn", { measure: "dataCenterCapex", scope: "global" });
    const r = judgeShareOf("share", about(20, "%"), part, whole, "%", tol);
    expect(r.verdict).toBe("scope-mismatch");
    expect(r.detail).toContain("scope US vs global");
    const same = judgeShareOf("share", about(20, "%"), { ...part, measure: "dataCenterCapex", scope: "global" }, whole, "%", tol);
    expect(same.verdict).toBe("holds-approximately");
  });

  it("benchmarks, labels and combination", () => {
    expect(judgeBenchmark("w", qty(1.5, "USD/W"), qty(1605.5, "USD/kW"), tol, "w").verdict).toBe("holds");
    expect(judgeBenchmark("w", qty(15, "USD/W"), qty(1605.5, "USD/kW"), tol, "w").verdict).toBe("off-by-factor");
    expect(judgeLabel("l", "Stonewall", "Stonewall County, Texas").verdict).toBe("holds");
    expect(judgeLabel("l", "2027", "2028", { sourceAfterArticle: true }).verdict).toBe("outdated");
    expect(judgeLabel("l", "Morgan Stanley", "Goldman Sachs").verdict).toBe("scope-mismatch");
    const combined = combineParts([
      { label: "a", verdict: "holds", detail: "" },
      { label: "b", verdict: "off-by-factor", detail: "", factor: 1.2 },
      { label: "c", verdict: "off-by-factor", detail: "", factor: 1.5 },
      { label: "d", verdict: "unverifiable", detail: "" },
    ]);
    expect(combined.verdict).toBe("off-by-factor");
    expect(combined.factor).toBe(1.5);
    expect(combineParts([{ label: "a", verdict: "holds", detail: "" }, { label: "d", verdict: "unverifiable", detail: "" }]).verdict).toBe("unverifiable");
    expect(combineParts([]).verdict).toBe("unverifiable");
  });
});

const reading = (label: string, actual: Quantity, asOf = "2025-01", extra: Partial<SourcedReading> = {}): SourcedReading => ({ label, actual, bound: "exact", asOf, source: `${label} <https://example.org>`, shown: String(actual.si), ...extra });

describe("judgeReadings: every source judged, side by side", () => {
  it("holds only when every source holds; contested when some hold and others fail; else the worst failure", () => {
    const c = about(100, "count");
    const all = judgeReadings("x", c, [reading("A", qty(100, "count")), reading("B", qty(101, "count"))], tol, "2025-06-01");
    expect(all.verdict).toBe("holds");
    expect(all.readings).toHaveLength(2);
    const approx = judgeReadings("x", c, [reading("A", qty(100, "count")), reading("B", qty(110, "count"))], tol, "2025-06-01");
    expect(approx.verdict).toBe("holds-approximately");
    const contested = judgeReadings("x", c, [reading("A", qty(100, "count")), reading("B", qty(200, "count"))], tol, "2025-06-01");
    expect(contested.verdict).toBe("contested");
    expect(contested.detail).toContain("readings 100-200");
    expect(contested.readings!.map((r) => r.verdict)).toEqual(["holds", "off-by-factor"]);
    const fails = judgeReadings("x", c, [reading("A", qty(200, "count")), reading("B", qty(300, "count"))], tol, "2025-06-01");
    expect(fails.verdict).toBe("off-by-factor");
    expect(fails.factor).toBe(3);
  });

  it("applies each source's bound and range, and marks sources dated after the article", () => {
    const c: ClaimedValue = { bound: "atLeast", low: qty(1500, "MW"), high: qty(1500, "MW") };
    const r = judgeReadings("x", c, [reading("floor", qty(1500, "MW"), "2024-12", { bound: "atLeast" }), reading("ceiling", qty(1500, "MW"), "2025-12", { bound: "atMost" })], tol, "2025-11-09");
    expect(r.readings!.map((x) => [x.verdict, x.afterArticle])).toEqual([["holds", false], ["holds-approximately", true]]);
    const range = judgeReadings("x", about(50, "%"), [reading("A", qty(39, "%"), "2026", { high: qty(57, "%") }), reading("B", qty(20, "%"), "2026", { high: qty(25, "%") })], tol, "2025-11-09");
    expect(range.readings!.map((x) => x.verdict)).toEqual(["holds", "off-by-factor"]);
    expect(range.verdict).toBe("contested");
  });

  it("combines a contested part with others by severity: below holds-approximately, above every failure", () => {
    const contested = { label: "a", verdict: "contested" as const, detail: "" };
    expect(combineParts([{ label: "b", verdict: "holds-approximately", detail: "" }, contested]).verdict).toBe("contested");
    expect(combineParts([{ label: "b", verdict: "off-by-factor", detail: "", factor: 2 }, contested]).verdict).toBe("off-by-factor");
  });
});

describe("judgeDirection and withMixes", () => {
  it("a rise of any size holds; no change or a cut fails, with no tolerance around parity", () => {
    expect(judgeDirection("raised", qty(69.69, "USD bn/year"), qty(69, "USD bn/year"), "up", "m").verdict).toBe("holds");
    const same = judgeDirection("raised", qty(69, "USD bn/year"), qty(69, "USD bn/year"), "up", "m");
    expect([same.verdict, same.factor]).toEqual(["off-by-factor", 1]);
    expect(judgeDirection("raised", qty(60, "USD bn/year"), qty(66, "USD bn/year"), "up", "m").factor).toBeCloseTo(1.1, 12);
    // the old reading (judgeExceeds) called both of these 'holds-approximately'
    expect(judgeExceeds("raised", qty(69, "USD bn/year"), qty(69, "USD bn/year"), tol, "m").verdict).toBe("holds-approximately");
  });

  it("withMixes says what is mixed without changing the verdict", () => {
    const p = withMixes({ label: "x", verdict: "holds", detail: "d" }, ["scopes: US vs global"]);
    expect(p.verdict).toBe("holds");
    expect(p.detail).toBe("d; the claim mixes scopes: US vs global");
    expect(p.mixes).toEqual(["scopes: US vs global"]);
  });
});
