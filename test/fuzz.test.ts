/**
 * Fuzz suite (issue 15): fast-check mutates the shipped scenarios' numbers with special values (0, -0, 1e308,
 * 5e-324, 2^53 - 1, negative, strings) and inserts reserved keys (__proto__, constructor, toString) anywhere, with a
 * fixed seed. Every mutant must either be refused with diagnostics or run to a result whose every number is finite;
 * nothing may throw, and Object.prototype must stay clean.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { run } from "../src/pipeline/run.ts";
import { referenceData } from "../src/data/index.ts";
import { tinyScenario } from "./helpers/fixtures.ts";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const meta = parse(readFileSync(root("scenarios/meta-600b.yaml"), "utf8")) as Json;
const tiny = JSON.parse(JSON.stringify({ ...tinyScenario(), economics: { revenueUsdPerPflopSYear: 17000, discountRateFractionPerYear: 0.09 } })) as Json;

/** Paths to every number (and every object, where keys can be inserted) of a document. */
function leaves(doc: Json): { numbers: (string | number)[][]; objects: (string | number)[][] } {
  const numbers: (string | number)[][] = [];
  const objects: (string | number)[][] = [[]];
  const walk = (v: Json, p: (string | number)[]): void => {
    if (typeof v === "number") numbers.push(p);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === "object") {
      objects.push(p);
      for (const [k, x] of Object.entries(v)) if (k !== "uncertain") walk(x, [...p, k]);
    }
  };
  walk(doc, []);
  return { numbers, objects };
}

const SPECIAL_NUMBERS: Json[] = [0, -0, -1, 0.5, 1, 2, 12, 99999, 1e6, 1e12, 1e308, -1e308, 5e-324, 1e-300, 9007199254740991, 4294967296, "NaN", "1e3", null];
const SPECIAL_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

function getAt(doc: Json, path: (string | number)[]): Json {
  let cur = doc as Json;
  for (const seg of path) cur = (cur as Record<string | number, Json>)[seg];
  return cur;
}

function setAt(doc: Json, path: (string | number)[], value: Json): void {
  let cur = doc as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, Json>;
  cur[path[path.length - 1]] = value;
}

/** A mutation: numbers replaced by special values, and optionally a reserved key added to some object. */
const mutation = (base: Json) => {
  const { numbers, objects } = leaves(base);
  // mostly plausible edits (the value scaled: runs through the model), some special values (mostly refused)
  const factor = fc.constantFrom(0, 0.001, 0.1, 0.5, 0.9, 1.1, 2, 10, 1000);
  const value = fc.oneof(
    { weight: 3, arbitrary: factor.map((f) => ({ scale: f })) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...SPECIAL_NUMBERS), fc.double({ noNaN: true }), fc.integer()).map((v) => ({ set: v })) },
  );
  const numberEdit = fc.tuple(fc.nat({ max: numbers.length - 1 }), value);
  const keyEdit = fc.tuple(fc.nat({ max: objects.length - 1 }), fc.constantFrom(...SPECIAL_KEYS), fc.constantFrom<Json>(0.4, 1, "x", { tdpW: 1 }));
  return fc.record({ numbers: fc.array(numberEdit, { minLength: 1, maxLength: 3 }), key: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: keyEdit }) }).map(({ numbers: raw, key }) => {
    // JSON text round trip: `__proto__` arrives as an own key, as from a client
    let text = JSON.stringify(base);
    const doc = JSON.parse(text) as Json;
    const edits = raw.map(([i, v]): [number, Json] => [i, "set" in v ? v.set : (getAt(base, numbers[i]) as number) * v.scale]);
    for (const [i, v] of edits) setAt(doc, numbers[i], v);
    text = JSON.stringify(doc);
    if (key) {
      const [oi, k, v] = key;
      const target = objects[oi];
      const withKey = JSON.parse(text) as Json;
      let cur = withKey as Record<string | number, Json>;
      for (const seg of target) cur = cur[seg] as Record<string | number, Json>;
      cur.__FUZZKEY__ = v;
      text = JSON.stringify(withKey).replace('"__FUZZKEY__"', JSON.stringify(k));
    }
    return { text, edits: edits.map(([i, v]) => `${numbers[i].join(".")}=${String(v)}`), key: key ? `${objects[key[0]].join(".")}.${key[1]}` : null };
  });
};

/** Every number in a result (summary, tables) must be finite. */
function nonFinite(value: unknown, path = "", out: string[] = []): string[] {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(`${path}=${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => nonFinite(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) nonFinite(v, path ? `${path}.${k}` : k, out);
  return out;
}
const prototypeClean = (): boolean => {
  const o = {} as Record<string, unknown>;
  return Object.keys(Object.prototype).length === 0 && o.tdpW === undefined && o.x === undefined && typeof o.toString === "function";
};

/** outcomes, so the suite can show it exercises both paths */
const tally = { ran: 0, refused: 0 };

function check(m: { text: string; edits: string[]; key: string | null }): void {
  const label = `${m.edits.join(", ")}${m.key ? `; key ${m.key}` : ""}`;
  let out;
  try {
    out = run(JSON.parse(m.text), referenceData, { hourlyPower: false });
  } catch (e) {
    throw new Error(`threw for ${label}: ${(e as Error).stack}`);
  }
  expect(prototypeClean(), label).toBe(true);
  tally[out.result === null ? "refused" : "ran"]++;
  if (process.env.FUZZ_DEBUG && out.result === null) console.log(label, "->", out.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.path}: ${d.message}`).slice(0, 2).join(" | "));
  if (out.result === null) {
    expect(out.diagnostics.some((d) => d.severity === "error"), label).toBe(true);
    for (const d of out.diagnostics) expect(typeof d.path === "string" && d.message.length > 0, label).toBe(true);
    return;
  }
  const bad = nonFinite({ summary: out.result.summary, tables: out.result.tables });
  expect(bad.slice(0, 5), label).toEqual([]);
}

describe("fuzz: mutated scenarios are refused cleanly or give finite results", () => {
  it("the small scenario, 400 mutants", () => {
    fc.assert(fc.property(mutation(tiny), (m) => check(m)), { seed: 1515, numRuns: 400 });
  });
  it("the Meta scenario, 150 mutants", () => {
    fc.assert(fc.property(mutation(meta), (m) => check(m)), { seed: 1516, numRuns: 150 });
  }, 300_000);
  it("exercises both outcomes: some mutants run, some are refused", () => {
    expect(tally.ran).toBeGreaterThan(50);
    expect(tally.refused).toBeGreaterThan(50);
  });
});

/** The inputs the issue found producing Infinity, NaN, hangs or crashes: each is refused or finite now. */
describe("the issue's cases", () => {
  const edit = (f: (d: Record<string, any>) => void) => {
    const d = JSON.parse(JSON.stringify(meta)) as Record<string, any>;
    f(d);
    return { text: JSON.stringify(d), edits: [f.toString().slice(0, 120)], key: null };
  };
  const spvIndex = (meta as { financing: { structures: { kind: string }[] } }).financing.structures.findIndex((x) => x.kind === "spv");
  const spv = (d: Record<string, any>) => d.financing.structures[spvIndex];
  const refused = (f: (d: Record<string, any>) => void, path: string) => {
    const out = run(JSON.parse(edit(f).text), referenceData, { hourlyPower: false });
    expect(out.result).toBeNull();
    expect(out.diagnostics.filter((x) => x.severity === "error").map((x) => x.path)).toContain(path);
  };
  it("sponsorEquityFraction at its bound runs finite; 1 is refused", () => {
    check(edit((d) => (spv(d).sponsorEquityFraction = 0.99)));
    refused((d) => (spv(d).sponsorEquityFraction = 1), `financing.structures[${spvIndex}].sponsorEquityFraction`);
  });
  it("a supply cap of 0 on the SPV campus's generations runs finite", () => {
    check(edit((d) => (d.acceleratorSupplyUnitsByYear = { GB200: { "2025": 0, "2026": 0, "2027": 0 }, GB300: { "2025": 0, "2026": 0, "2027": 0, "2028": 0 } })));
  });
  it("lease.initialTermYears 8000, serverLifeYears 0.01, itPowerMw 5e-324, PUE 1e308 are refused at their paths", () => {
    refused((d) => (spv(d).lease = { ...(spv(d).lease ?? {}), initialTermYears: 8000 }), `financing.structures[${spvIndex}].lease.initialTermYears`);
    refused((d) => (d.assetLives = { serverLifeYears: 0.01 }), "assetLives.serverLifeYears");
    refused((d) => (d.sites[0].phases[0].itPowerMw = 5e-324), "sites[0].phases[0].itPowerMw");
    refused((d) => (d.facility = { pue: 1e308 }), "facility.pue");
  });
  it("compare's demand endYear 0 and strategies.targetYear 99999 are refused at their paths", () => {
    refused((d) => (d.uncertain.demand.endYear = 0), "uncertain.demand.endYear");
    refused((d) => (d.uncertain.strategies = { ...(d.uncertain.strategies ?? {}), targetYear: 99999 }), "uncertain.strategies.targetYear");
  });
});
