/** Plain-text report of `optimize-power --sites all`: each site's portfolio with load moved between sites, beside the sites apart. */
import { fixedCell as fmt, renderTextTable } from "../core/text-table.ts";
import type { ProgramPowerReport } from "../results/program-power.ts";

const perMwh = (x: number | null): string => (x === null ? "n/a" : fmt(x, 2));
const gwh = (x: number): string => fmt(x / 1e3, 0);

export function renderProgramPowerReport(r: ProgramPowerReport): string {
  const p = r.program;
  const level = r.target.levelFraction === null ? "each site's level" : `${(r.target.levelFraction * 100).toFixed(0)} %`;
  const out = [
    `Program power sizing, ${r.year}, ${r.target.kind} ≥ ${level} at every site, ${r.resolutionHours}-hour steps; flexible load may move between sites each step.`,
    "",
    ...renderTextTable(
      ["site", "flex %", "load TWh", "served TWh", "in GWh", "out GWh", "$/MWh", "$/MWh apart", "PV MW", "wind MW", "battery MWh", "firm MW", "gas MW", "CFE %"],
      r.sites.map((s) => [
        s.site,
        fmt(s.flexibleLoadFraction * 100, 0),
        fmt(s.loadMwh / 1e6, 2),
        fmt(s.servedLoadMwh / 1e6, 2),
        gwh(s.movedInMwh),
        gwh(s.movedOutMwh),
        perMwh(s.costUsdPerMwhServed),
        perMwh(s.apart.costUsdPerMwhServed),
        fmt(s.capacities.pvMw),
        fmt(s.capacities.windMw),
        fmt(s.capacities.batteryMwh),
        fmt(s.capacities.firmCleanMw),
        fmt(s.capacities.gasMw),
        fmt(s.cfeScoreFraction * 100, 1),
      ]),
      { rule: true },
    ),
    "",
    `Program: ${fmt(p.loadMwh / 1e6, 2)} TWh of load; cost $${fmt(p.objectiveUsd / 1e6, 1)}M a year with load moving between sites, $${fmt(p.objectiveApartUsd / 1e6, 1)}M with the sites apart: moving ${gwh(p.movedMwh)} GWh saves $${fmt(p.spatialValueUsd / 1e6, 2)}M a year (${fmt(p.spatialValueUsdPerMwh, 3)} $/MWh of load). LP ${fmt(p.lp.columns)} columns × ${fmt(p.lp.rows)} rows.`,
    "Net load moved in (+) or out (−) by hour of the day in UTC (every site's hours are aligned on UTC), GWh a year (--format json for months):",
    ...renderTextTable(["site", ...Array.from({ length: 24 }, (_, h) => String(h))], r.sites.map((s) => [s.site, ...s.netMovedMwhByHourOfDay.map((x) => fmt(x / 1e3, 0))]), { rule: true }),
  ];
  return `${out.join("\n")}\n`;
}
