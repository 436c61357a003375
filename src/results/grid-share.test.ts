/** Issue 12 item 4: a site's load share against the utility that serves it, beside the region share. */
import { describe, expect, it } from "vitest";
import { referenceData } from "../data/index.ts";
import { run } from "../pipeline/run.ts";
import { tinyScenario } from "../../test/helpers/fixtures.ts";

const column = (cols: string[], name: string): number => {
  const i = cols.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};

describe("grid load share (hand-computed)", () => {
  // 100 MW of IT online from 2026-01, utilization 0.68, PUE 1.08: 100 x 0.68 x 1.08 x 8,760 h = 643,334.4 MWh in 2027.
  const mwh2027 = 100 * 0.68 * 1.08 * 8760;
  const scenario = tinyScenario({ facility: { pue: 1.08, utilizationFraction: 0.68 } });
  scenario.sites[0] = { ...scenario.sites[0], state: "TX", gridRegion: "WECC-SW", gridServingUtility: "El Paso Electric" };
  const r = run(scenario, referenceData, { hourlyPower: false }).result!;

  it("divides the site's energy by El Paso Electric's 2024 load (9.254 TWh), not only by WECC Southwest's (118.6 TWh)", () => {
    const share = r.summary.gridLoadShareBySite.A;
    expect(share.gridServingUtility).toBe("El Paso Electric");
    expect(share.servingUtilityLoadShareFractionByYear!["2027"]).toBeCloseTo(mwh2027 / 9_254_381, 10); // 6.95 %
    expect(share.regionLoadShareFractionByYear["2027"]).toBeCloseTo(mwh2027 / 118_594_441, 10); // 0.54 %
    expect(share.servingUtilityLoadShareFractionByYear!["2027"]).toBeCloseTo(0.069517, 5);
  });

  it("shows both shares in the sitesYearly table", () => {
    const t = r.tables.sitesYearly;
    const row = t.rows.find((x) => x[column(t.columns, "year")] === 2027)!;
    expect(row[column(t.columns, "gridServingUtility")]).toBe("El Paso Electric");
    expect(row[column(t.columns, "servingUtilityLoadShareFraction")] as number).toBeCloseTo(mwh2027 / 9_254_381, 10);
    expect(row[column(t.columns, "gridRegionLoadShareFraction")] as number).toBeCloseTo(mwh2027 / 118_594_441, 10);
  });

  it("leaves the utility share empty when the scenario names no serving utility", () => {
    const plain = run(tinyScenario(), referenceData, { hourlyPower: false }).result!;
    expect(plain.summary.gridLoadShareBySite.A.servingUtilityLoadShareFractionByYear).toBeNull();
    const t = plain.tables.sitesYearly;
    expect(t.rows[0][column(t.columns, "servingUtilityLoadShareFraction")]).toBeNull();
  });
});

describe("gridServingUtility diagnostics", () => {
  it("rejects an unknown name with its path and the known names", () => {
    const s = tinyScenario();
    s.sites[0] = { ...s.sites[0], gridServingUtility: "Entergy Narnia" };
    const out = run(s, referenceData, { hourlyPower: false });
    expect(out.result).toBeNull();
    const d = out.diagnostics.find((x) => x.path === "sites[0].gridServingUtility");
    expect(d?.severity).toBe("error");
    expect(d?.message).toContain('unknown serving utility "Entergy Narnia"');
    expect(d?.message).toContain('"El Paso Electric"');
  });

  it("warns when the utility lies in another grid region than the site's", () => {
    const s = tinyScenario(); // gridRegion ERCOT
    s.sites[0] = { ...s.sites[0], gridServingUtility: "El Paso Electric" };
    const out = run(s, referenceData, { hourlyPower: false });
    const d = out.diagnostics.find((x) => x.path === "sites[0].gridServingUtility");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain("WECC-SW");
  });
});
