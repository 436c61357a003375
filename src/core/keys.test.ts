import { describe, expect, it } from "vitest";
import { findReservedKeys, isReservedKey, ownValue } from "./keys.ts";

describe("reserved keys", () => {
  it("names Object.prototype's properties", () => {
    for (const k of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"]) expect(isReservedKey(k), k).toBe(true);
    for (const k of ["GB200", "ERCOT", "proto", "Constructor"]) expect(isReservedKey(k), k).toBe(false);
  });
  it("ownValue never returns an inherited property", () => {
    const rec: Record<string, number> = { GB200: 1 };
    expect(ownValue(rec, "GB200")).toBe(1);
    expect(ownValue(rec, "constructor")).toBeUndefined();
    expect(ownValue(rec, "toString")).toBeUndefined();
  });
  it("finds reserved keys anywhere in a parsed document, with their paths (JSON.parse keeps __proto__ as an own key)", () => {
    const doc = JSON.parse('{"sites":[{"phases":[{"fleetMix":{"constructor":0.4}}]}],"accelerators":{"__proto__":{"tdpW":1}},"a b":{"toString":1}}');
    expect(findReservedKeys(doc)).toEqual([
      ["sites[0].phases[0].fleetMix.constructor", "constructor"],
      ["accelerators.__proto__", "__proto__"],
      ['["a b"].toString', "toString"],
    ]);
    expect(({} as Record<string, unknown>).tdpW).toBeUndefined();
  });
});
