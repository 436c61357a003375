/**
 * Issue 15 item 1: keys and names that are built-in properties of JavaScript objects never reach a lookup or a
 * write. Every record-shaped field and every name looked up in data/ is tried with them; the process's prototypes
 * stay clean.
 */
import { afterEach, describe, expect, it } from "vitest";
import { run, runText } from "../pipeline/run.ts";
import { buildPlan } from "../uncertainty/plan.ts";
import { checkScenarioObject } from "./load.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";
import { uncertainScenario } from "../../test/helpers/uncertain.ts";

const SPECIAL = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
const clean = () => {
  const o = {} as Record<string, unknown>;
  return o.x === undefined && o.tdpW === undefined && o.polluted === undefined && typeof o.toString === "function";
};
afterEach(() => expect(clean()).toBe(true));

/** The document as a client sends it: JSON text parsed, so `__proto__` is an own key as in a real request. */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replaceAll('"KEY_', '"'));
const errorsOf = (doc: unknown) => run(doc, undefined, { hourlyPower: false }).diagnostics.filter((d) => d.severity === "error");

describe("reserved keys in record-shaped fields", () => {
  const base = tinyScenario();
  const phase = base.sites[0].phases[0];
  const cases: [string, (k: string) => unknown, string][] = [
    ["fleetMix", (k) => ({ ...base, sites: [{ ...base.sites[0], phases: [{ ...phase, fleetMix: { [`KEY_${k}`]: 0.4, GB200: 0.6 } }] }] }), "sites[0].phases[0].fleetMix"],
    ["accelerators", (k) => ({ ...base, accelerators: { [`KEY_${k}`]: { tdpW: 1, denseBf16FlopPerS: 1e15, unitPriceUsd: 1 } } }), "accelerators"],
    ["acceleratorSupplyUnitsByYear", (k) => ({ ...base, acceleratorSupplyUnitsByYear: { [`KEY_${k}`]: { "2025": 1 } } }), "acceleratorSupplyUnitsByYear"],
    ["capitalPlanUsdByYear", (k) => ({ ...base, program: { ...base.program, capitalPlanUsdByYear: { [`KEY_${k}`]: 1 } } }), "program.capitalPlanUsdByYear"],
    ["power.portfolioFromYear", (k) => ({ ...base, sites: [{ ...base.sites[0], power: { portfolioFromYear: { [`KEY_${k}`]: { pvMw: 1 } } } }] }), "sites[0].power.portfolioFromYear"],
    ["uncertain", (k) => ({ ...base, uncertain: { [`KEY_${k}`]: { dist: "uniform", min: 0, max: 1 } } }), "uncertain"],
  ];
  for (const [field, make, path] of cases) {
    it.each(SPECIAL)(`${field} with the key %s is an error at its path, nothing else happens`, (k) => {
      const errors = errorsOf(asJson(make(k)));
      expect(errors.length, JSON.stringify(errors)).toBeGreaterThan(0);
      expect(errors.some((d) => d.path.startsWith(path))).toBe(true);
    });
  }
});

describe("names looked up in data/", () => {
  it.each(SPECIAL)("gridRegion %s is an unknown grid region", (k) => {
    const base = tinyScenario();
    const errors = errorsOf({ ...base, sites: [{ ...base.sites[0], gridRegion: k }] });
    expect(errors.map((d) => d.path)).toEqual(["sites[0].gridRegion"]);
  });
  it.each(SPECIAL)("assetLives.refreshGeneration %s is an unknown accelerator", (k) => {
    const errors = errorsOf({ ...tinyScenario(), assetLives: { refreshAtEndOfLife: true, refreshGeneration: k } });
    expect(errors.map((d) => d.path)).toContain("assetLives.refreshGeneration");
  });
  it("the YAML text path refuses them too (with the same paths)", () => {
    const out = runText("program: {name: t, currencyBaseYear: 2025, horizonStartMonth: 2025-01, horizonEndMonth: 2026-12, capitalPlanUsdByYear: {'2025': 1e9}}\nsites: [{name: A, state: TX, gridRegion: ERCOT, phases: [{name: p, itPowerMw: 10, constructionStartMonth: 2025-01, constructionMonths: 6, fleetMix: {constructor: 1}}]}]\n", "x.yaml");
    expect(out.diagnostics.filter((d) => d.severity === "error").map((d) => d.path)).toContain("sites[0].phases[0].fleetMix.constructor");
  });
});

describe("uncertain paths", () => {
  it.each(["__proto__.x", "constructor.prototype.x", "sites[0].__proto__.polluted", 'program["__proto__"].x', "toString"])("%s is refused with its path; Object.prototype is untouched", (p) => {
    const s = { ...uncertainScenario({}), uncertain: { [p]: { dist: "uniform", min: 0, max: 1 } } };
    const plan = buildPlan(s as never);
    expect(plan.value).toBeNull();
    expect(plan.diagnostics.some((d) => d.severity === "error" && d.path.startsWith("uncertain"))).toBe(true);
  });
  it("checkScenarioObject also refuses a parsed __proto__ key anywhere (zod would drop it silently)", () => {
    const out = checkScenarioObject(JSON.parse('{"__proto__": {"x": 1}}'));
    expect(out.diagnostics.map((d) => d.path)).toContain("__proto__");
  });
});
