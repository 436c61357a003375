/** Plain-text report of `optimize-power`: the optimal portfolio and its metrics beside the scenario's portfolio. */
import { renderTextTable } from "../core/text-table.ts";
import type { SweepPoint } from "../power/optimize/sweep.ts";
import type { OptimizePowerReport } from "../power/optimize/site-result.ts";
import { COST_LINES } from "../power/metrics/costs.ts";

/** The number columns keep one width whatever the values, so reports of several runs line up. */
const NUMBER_COLUMN_WIDTH = 12;

const fmt = (x: number, digits = 0): string => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const musd = (x: number): string => fmt(x / 1e6, 1);

/** The optimum beside the scenario's own portfolio, one row per capacity, cost, score and emission figure. */
export function renderOptimizePowerReport(r: OptimizePowerReport & { sweep?: SweepPoint[] }): string {
  const opt = r.optimum!;
  const base = r.scenarioPortfolio.metrics;
  const c = r.capacities!;
  const sc = r.scenarioPortfolio.capacities;
  const target = `${r.target.kind} ≥ ${pct(r.target.levelFraction)}${r.target.countGridClean ? " (grid clean share counted)" : ""}`;
  const rows: [string, string, string][] = [
    ["PV MW", fmt(c.pvMw), fmt(sc.pvMw)],
    ["wind MW", fmt(c.windMw), fmt(sc.windMw)],
    ["battery MW", fmt(c.batteryMw), fmt(sc.batteryMw)],
    ["battery MWh", fmt(c.batteryMwh), fmt(sc.batteryMwh)],
    ["gas MW", fmt(c.gasMw), fmt(sc.gasMw)],
    ["firm clean MW", fmt(c.firmCleanMw), fmt(sc.firmCleanMw)],
    ["cost $M/yr", musd(opt.cost.totalUsd), musd(base.cost.totalUsd)],
    ...COST_LINES.map((l): [string, string, string] => [`  ${l.label}`, musd(l.usd(opt.cost)), musd(l.usd(base.cost))]),
    ["cost $/MWh", fmt(opt.cost.costUsdPerMwhLoad ?? 0, 1), fmt(base.cost.costUsdPerMwhLoad ?? 0, 1)],
    ["24/7 CFE score", pct(opt.scores.cfeScoreFraction), pct(base.scores.cfeScoreFraction)],
    ["annual match", pct(opt.scores.annualMatchFraction), pct(base.scores.annualMatchFraction)],
    ["CO2 location-based kt", fmt(opt.emissions.locationBasedTco2 / 1e3), fmt(base.emissions.locationBasedTco2 / 1e3)],
    ["CO2 market-based kt", fmt(opt.emissions.marketBasedTco2 / 1e3), fmt(base.emissions.marketBasedTco2 / 1e3)],
    ["peak grid import MW", fmt(opt.energy.peakGridImportMw), fmt(base.energy.peakGridImportMw)],
    ["curtailment GWh", fmt(opt.energy.curtailmentMwh / 1e3, 1), fmt(base.energy.curtailmentMwh / 1e3, 1)],
    ["water ML", fmt(opt.water.totalMegaliters), fmt(base.water.totalMegaliters)],
  ];
  const mc = r.targetMarginalCostUsdPerMwh;
  return [
    `optimize-power — ${r.site}, ${r.year}, target ${target}, ${r.representativeWeeks ? `${r.representativeWeeks.length} representative weeks (hourly)` : `${r.resolutionHours}-hour steps`}, carbon price $${fmt(r.carbonPriceUsdPerTco2)}/t`,
    `load ${fmt(opt.energy.loadMwh / 1e3)} GWh, peak ${fmt(opt.energy.peakLoadMw)} MW; ${r.solver}; LP ${fmt(r.lp.columns)} columns × ${fmt(r.lp.rows)} rows`,
    ...(r.flexibility
      ? [`flexible load: ${pct(r.flexibility.flexibleLoadFraction)} of each hour's load, in ${fmt(r.flexibility.shiftWindowHours)}-hour windows, up to +${pct(r.flexibility.maxShiftUpFraction)}; the LP shifts ${fmt(r.flexibility.shiftedMwh / 1e3, 1)} GWh and drops ${fmt(r.flexibility.droppedMwh / 1e3, 1)} GWh a year`]
      : []),
    `marginal cost of the clean target: ${mc === null ? "n/a" : `$${fmt(mc, 2)}/MWh (≈ $${fmt((mc * opt.energy.loadMwh) / 100 / 1e6, 2)}M per percentage point)`}`,
    ...(r.hourlyCheck
      ? [`approximate LP objective $${musd(r.objectiveUsd ?? 0)}M/yr; hourly check of its capacities: ${r.hourlyCheck.status}${r.hourlyCheck.objectiveUsd === null ? " (target missed hour by hour; metrics below: rule-based dispatch of these capacities on the real year)" : `, $${musd(r.hourlyCheck.objectiveUsd)}M/yr (metrics below are hourly)`}`]
      : []),
    "",
    ...renderTextTable(["", "optimum", "scenario"], rows, { minWidths: [0, NUMBER_COLUMN_WIDTH, NUMBER_COLUMN_WIDTH] }),
    "",
    ...(r.sweep ? renderSweep(r.sweep, r.target.kind) : []),
  ].join("\n");
}

/** The CFE cost curve: one row per target level. */
function renderSweep(sweep: SweepPoint[], kind: string): string[] {
  const na = (x: number | null, d = 0): string => (x === null ? "n/a" : fmt(x, d));
  const rows = sweep.map((p) => [
    pct(p.levelFraction),
    p.status,
    p.objectiveUsd === null ? "n/a" : musd(p.objectiveUsd),
    na(p.costUsdPerMwhLoad, 1),
    na(p.targetMarginalCostUsdPerMwh, 1),
    na(p.capacities?.pvMw ?? null),
    na(p.capacities?.windMw ?? null),
    na(p.capacities?.batteryMwh ?? null),
    na(p.capacities?.gasMw ?? null),
    na(p.capacities?.firmCleanMw ?? null),
    p.locationBasedTco2 === null ? "n/a" : fmt(p.locationBasedTco2 / 1e3),
    p.cfeScoreFraction === null ? "n/a" : pct(p.cfeScoreFraction),
  ]);
  return [
    `Cost of the ${kind} target by level (each level its own LP; marginal = dual of the target row, $ per extra MWh of clean energy):`,
    ...renderTextTable(["level", "status", "cost $M/yr", "$/MWh", "marginal $/MWh", "PV MW", "wind MW", "battery MWh", "gas MW", "firm MW", "CO2 loc. kt", "24/7 CFE"], rows, { rule: true }),
    "",
  ];
}

