/**
 * Issue 15 item 14: every table with a total shows parts that add up to it. The optimize-power cost table takes its
 * lines from COST_LINES (property-tested over random dispatches, firm clean energy and exports included); the run
 * report's capex line and the funding table are checked on the Meta scenario.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dispatch } from "../src/power/dispatch/dispatch.ts";
import { COST_LINES, costBreakdown } from "../src/power/metrics/costs.ts";
import { runText } from "../src/pipeline/run.ts";
import { renderTextReport } from "../src/text/run-report.ts";
import { makeSeries, noPortfolio, simpleTech } from "./helpers/power-series.ts";

describe("optimize-power cost lines", () => {
  it("add up to the total for any dispatch (gas, firm clean, battery, grid, exports, carbon)", () => {
    const hours = 48;
    fc.assert(
      fc.property(
        fc.record({
          pvMw: fc.integer({ min: 0, max: 300 }),
          windMw: fc.integer({ min: 0, max: 300 }),
          gasMw: fc.integer({ min: 0, max: 100 }),
          firmCleanMw: fc.integer({ min: 0, max: 100 }),
          batteryMw: fc.integer({ min: 0, max: 50 }),
          exportLimitMw: fc.integer({ min: 0, max: 200 }),
          carbon: fc.integer({ min: 0, max: 200 }),
          exportPrice: fc.integer({ min: 0, max: 80 }),
        }),
        (r) => {
          const s = makeSeries({
            loadMw: Array.from({ length: hours }, (_, h) => 100 + 20 * Math.sin(h / 3)),
            pvCapacityFactor: Array.from({ length: hours }, (_, h) => Math.max(0, Math.sin(((h % 24) - 6) / 12 * Math.PI))),
            windCapacityFactor: Array.from({ length: hours }, (_, h) => 0.3 + 0.2 * Math.cos(h / 5)),
            exportPriceUsdPerMwh: r.exportPrice,
          });
          const p = { ...noPortfolio, pvMw: r.pvMw, windMw: r.windMw, gasMw: r.gasMw, firmCleanMw: r.firmCleanMw, batteryMw: r.batteryMw, batteryMwh: 4 * r.batteryMw, exportLimitMw: r.exportLimitMw };
          const tech = { ...simpleTech, carbonPriceUsdPerTco2: r.carbon };
          const costs = { pvUsdPerMwYear: 9e4, windUsdPerMwYear: 1.2e5, batteryPowerUsdPerMwYear: 3e4, batteryEnergyUsdPerMwhYear: 2e4, gasUsdPerMwYear: 1e5, firmCleanUsdPerMwYear: 5e5 };
          const c = costBreakdown(s, dispatch(s, p, tech).series, p, tech, costs);
          const sum = COST_LINES.reduce((a, l) => a + l.usd(c), 0);
          expect(sum).toBeCloseTo(c.totalUsd, 6);
        },
      ),
      { seed: 14, numRuns: 200 },
    );
  });
});

describe("run report (Meta scenario)", () => {
  const file = fileURLToPath(new URL("../scenarios/meta-600b.yaml", import.meta.url));
  const r = runText(readFileSync(file, "utf8"), file, undefined, { hourlyPower: false }).result!;
  const s = r.summary;
  it("capex by category and refresh/first-build both add up to the total", () => {
    const byCat = Object.values(s.capexUsdByCategory).reduce((a, b) => a + b, 0);
    expect(byCat).toBeCloseTo(s.capexUsdTotal, -3);
    const text = renderTextReport(r);
    const line = text.split("\n").find((l) => l.startsWith("Capex over the horizon"))!;
    const nums = [...line.matchAll(/(\d[\d,]*\.\d)/g)].map((m) => Number(m[1].replaceAll(",", "")));
    // total, four campus classes, capex not in a modelled campus, refreshes, first builds (one decimal each: sums within rounding)
    const [total, a, b, c, d, e, refresh, first] = nums;
    expect(Math.abs(a + b + c + d + e - total)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(refresh + first - total)).toBeLessThanOrEqual(0.15);
  });
  it("funding table: FCF = OCF - capex in each route and year; program capex = sponsor + SPV capex", () => {
    const t = r.tables.fundingYearly;
    const c = (n: string) => t.columns.indexOf(n);
    for (const row of t.rows) {
      const v = (n: string) => Number(row[c(n)]);
      expect(v("freeCashFlowUsd")).toBeCloseTo(v("operatingCashFlowUsd") - v("sponsorCapexUsd"), -1);
      expect(v("sponsorCapexUsd") + v("spvFundedCapexUsd")).toBeCloseTo(v("programCapexUsd"), -1);
    }
  });
  it("yearly capex: the asset-class columns add up to capexUsd in every year", () => {
    const t = r.tables.yearly;
    const c = (n: string) => t.columns.indexOf(n);
    for (const row of t.rows) {
      const parts = ["capex_shellCoreUsd", "capex_electricalMechanicalUsd", "capex_siteLandOtherUsd", "capex_itUsd", "capex_unmodelledUsd"].reduce((a, n) => a + Number(row[c(n)]), 0);
      expect(parts).toBeCloseTo(Number(row[c("capexUsd")]), -1);
    }
  });
});
