/** Annual energy sums and clean-energy scores of a dispatched site-year (separate from how it was dispatched). */
import type { DispatchSeries } from "../dispatch/dispatch.ts";
import type { PowerSeries } from "../dispatch/inputs.ts";

export interface EnergyTotals {
  loadMwh: number;
  pvMwh: number;
  windMwh: number;
  firmCleanMwh: number;
  /** clean generation actually delivered: PV + wind + firm − curtailment */
  cleanDeliveredMwh: number;
  batteryChargeMwh: number;
  batteryDischargeMwh: number;
  gasMwh: number;
  gridImportMwh: number;
  exportMwh: number;
  curtailmentMwh: number;
  unservedMwh: number;
  peakGridImportMw: number;
  peakLoadMw: number;
}

/** One pass over the hourly arrays (sums in MW·steps, then × step hours). */
export function energyTotals(s: PowerSeries, d: DispatchSeries): EnergyTotals {
  let load = 0, pv = 0, wind = 0, firm = 0, ch = 0, dis = 0, gas = 0, imp = 0, exp = 0, curt = 0, unserved = 0;
  let peakImport = 0;
  let peakLoad = 0;
  for (let h = 0; h < s.loadMw.length; h++) {
    load += s.loadMw[h];
    pv += d.pvMw[h];
    wind += d.windMw[h];
    firm += d.firmCleanMw[h];
    ch += d.batteryChargeMw[h];
    dis += d.batteryDischargeMw[h];
    gas += d.gasMw[h];
    imp += d.gridImportMw[h];
    exp += d.exportMw[h];
    curt += d.curtailmentMw[h];
    unserved += d.unservedMw[h];
    if (d.gridImportMw[h] > peakImport) peakImport = d.gridImportMw[h];
    if (s.loadMw[h] > peakLoad) peakLoad = s.loadMw[h];
  }
  const dt = s.stepHours;
  return {
    loadMwh: load * dt,
    pvMwh: pv * dt,
    windMwh: wind * dt,
    firmCleanMwh: firm * dt,
    cleanDeliveredMwh: (pv + wind + firm - curt) * dt,
    batteryChargeMwh: ch * dt,
    batteryDischargeMwh: dis * dt,
    gasMwh: gas * dt,
    gridImportMwh: imp * dt,
    exportMwh: exp * dt,
    curtailmentMwh: curt * dt,
    unservedMwh: unserved * dt,
    peakGridImportMw: peakImport,
    peakLoadMw: peakLoad,
  };
}

/** Worst hourly energy-balance error, MWh (supply − uses per step). */
export function maxBalanceErrorMwh(s: PowerSeries, d: DispatchSeries): number {
  let worst = 0;
  for (let h = 0; h < s.loadMw.length; h++) {
    const supply = d.pvMw[h] + d.windMw[h] + d.firmCleanMw[h] + d.batteryDischargeMw[h] + d.gasMw[h] + d.gridImportMw[h] + d.unservedMw[h];
    const uses = s.loadMw[h] + d.batteryChargeMw[h] + d.exportMw[h] + d.curtailmentMw[h];
    const e = Math.abs(supply - uses) * s.stepHours;
    if (e > worst) worst = e;
  }
  return worst;
}

export interface CleanScores {
  /** Σ_h min(load, clean supply on site) / Σ load, grid imports counted as not clean */
  cfeScoreFraction: number;
  /** the same with the clean share of grid imports counted as clean (Google / PyPSA 24/7 definition) */
  cfeScoreWithGridFraction: number;
  /** Σ clean generation delivered (PV + wind + firm − curtailment) / Σ load */
  annualMatchFraction: number;
}

/**
 * Hourly clean supply = PV + wind + firm + discharge − charge (+ clean share × import); CFE = Σ min(load, clean)/Σ load.
 * As in PyPSA's 24/7 formulation the battery belongs to the clean portfolio: charging counts against the clean
 * supply of its hour, so energy bought from the grid (or gas) and stored is not laundered into clean energy
 * (an hour that charges more than it generates contributes a negative amount; the total is floored at 0).
 */
export function cleanScores(s: PowerSeries, d: DispatchSeries): CleanScores {
  let load = 0;
  let cfe = 0;
  let cfeGrid = 0;
  let delivered = 0;
  for (let h = 0; h < s.loadMw.length; h++) {
    const gen = d.pvMw[h] + d.windMw[h] + d.firmCleanMw[h];
    const site = gen + d.batteryDischargeMw[h] - d.batteryChargeMw[h];
    const withGrid = site + s.gridCleanFraction[h] * d.gridImportMw[h];
    load += s.loadMw[h];
    cfe += Math.min(s.loadMw[h], site);
    cfeGrid += Math.min(s.loadMw[h], withGrid);
    delivered += gen - d.curtailmentMw[h];
  }
  return scoresFromSums(load, cfe, cfeGrid, delivered);
}

/** The scores from Σ load, Σ min(load, clean on site), the same with the grid's clean share, and Σ clean delivered (any one unit). */
export function scoresFromSums(load: number, cfe: number, cfeGrid: number, delivered: number): CleanScores {
  if (load <= 0) return { cfeScoreFraction: 0, cfeScoreWithGridFraction: 0, annualMatchFraction: 0 };
  return { cfeScoreFraction: Math.max(0, cfe) / load, cfeScoreWithGridFraction: Math.max(0, cfeGrid) / load, annualMatchFraction: delivered / load };
}
