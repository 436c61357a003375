import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compressText, hashFor, readHash } from "./url-state.ts";

const META = readFileSync(new URL("../../../scenarios/meta-600b.yaml", import.meta.url), "utf8");

describe("URL state", () => {
  it("round-trips a scenario through the fragment, compressed and URL-safe", async () => {
    const text = META.replace("itPowerMw: 911", "itPowerMw: 999") + "# ünïcode ✓\n";
    const hash = await hashFor(text, null);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(text.length * 0.6);
    expect(await readHash(hash)).toEqual({ kind: "text", text });
  });
  it("names an unchanged preset instead of carrying its text", async () => {
    expect(await hashFor(META, "meta")).toBe("#preset=meta");
    expect(await readHash("#preset=meta")).toEqual({ kind: "preset", id: "meta" });
    expect(await readHash("")).toEqual({ kind: "none" });
  });
  it("reports a damaged link instead of throwing", async () => {
    const s = await compressText("program: {}");
    expect((await readHash(`#s=${s.slice(0, -3)}!!`)).kind).toBe("invalid");
  });
});
