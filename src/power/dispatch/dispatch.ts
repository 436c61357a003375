/**
 * Rule-based hourly dispatch of one site-year. Merit order: firm clean → PV and wind (must-take) → battery
 * discharge → gas (when cheaper than the grid in that hour) → grid import (up to the interconnection limit) →
 * gas (when dearer than the grid) → unserved. Surplus charges the battery, then is exported (up to the limit, when
 * the export price is positive), then curtailed. The battery starts the year at its minimum state of charge, so no
 * energy comes from nothing. Per step: load + charge + export + curtailment = PV + wind + firm + discharge + gas +
 * import + unserved (MW; × stepHours for MWh), exact up to floating-point rounding.
 * One pass over typed arrays, no allocation per step.
 */
import { type Portfolio, type PowerSeries, type TechParams, gasVariableCostUsdPerMwh, importCostUsdPerMwh, oneWayEfficiency } from "./inputs.ts";

export interface DispatchSeries {
  pvMw: Float64Array;
  windMw: Float64Array;
  firmCleanMw: Float64Array;
  batteryChargeMw: Float64Array;
  batteryDischargeMw: Float64Array;
  /** state of charge at the end of the step, MWh */
  batterySocMwh: Float64Array;
  gasMw: Float64Array;
  gridImportMw: Float64Array;
  exportMw: Float64Array;
  curtailmentMw: Float64Array;
  unservedMw: Float64Array;
}

export const DISPATCH_SERIES_KEYS = [
  "pvMw", "windMw", "firmCleanMw", "batteryChargeMw", "batteryDischargeMw", "batterySocMwh",
  "gasMw", "gridImportMw", "exportMw", "curtailmentMw", "unservedMw",
] as const satisfies readonly (keyof DispatchSeries)[];

export function allocateDispatchSeries(n: number): DispatchSeries {
  const out = {} as DispatchSeries;
  for (const k of DISPATCH_SERIES_KEYS) out[k] = new Float64Array(n);
  return out;
}

export interface DispatchResult {
  stepHours: number;
  portfolio: Portfolio;
  series: DispatchSeries;
  /** the load served in each step when it differs from the planned load (flexible load chosen by the LP) */
  servedLoadMw?: Float64Array;
}

interface BatteryState {
  socMwh: number;
  minMwh: number;
  maxMwh: number;
  powerMw: number;
  eta: number;
  dt: number;
}

function charge(b: BatteryState, surplusMw: number): number {
  const mw = Math.max(0, Math.min(b.powerMw, surplusMw, (b.maxMwh - b.socMwh) / (b.eta * b.dt)));
  b.socMwh += mw * b.eta * b.dt;
  return mw;
}

function discharge(b: BatteryState, deficitMw: number): number {
  const mw = Math.max(0, Math.min(b.powerMw, deficitMw, ((b.socMwh - b.minMwh) * b.eta) / b.dt));
  b.socMwh -= (mw / b.eta) * b.dt;
  return mw;
}

/**
 * Dispatches the portfolio against the series. `out` (optional) receives the hourly arrays, so a caller that
 * dispatches many site-years can reuse one set of buffers.
 */
export function dispatch(s: PowerSeries, p: Portfolio, t: TechParams, out?: DispatchSeries): DispatchResult {
  const n = s.loadMw.length;
  const o = out ?? allocateDispatchSeries(n);
  const firmMw = p.firmCleanMw * t.firmClean.availabilityFraction;
  const gasCost = gasVariableCostUsdPerMwh(t);
  const b: BatteryState = {
    minMwh: p.batteryMwh * t.battery.socMinFraction,
    maxMwh: p.batteryMwh * t.battery.socMaxFraction,
    socMwh: p.batteryMwh * t.battery.socMinFraction,
    powerMw: p.batteryMwh > 0 ? p.batteryMw : 0,
    eta: oneWayEfficiency(t),
    dt: s.stepHours,
  };
  for (let h = 0; h < n; h++) {
    const pv = p.pvMw * s.pvCapacityFactor[h];
    const wind = p.windMw * s.windCapacityFactor[h];
    const net = firmMw + pv + wind - s.loadMw[h];
    let ch = 0;
    let dis = 0;
    let gas = 0;
    let imp = 0;
    let exp = 0;
    let curt = 0;
    let unserved = 0;
    if (net >= 0) {
      ch = charge(b, net);
      const rest = net - ch;
      exp = s.exportPriceUsdPerMwh[h] > 0 ? Math.min(p.exportLimitMw, rest) : 0;
      curt = rest - exp;
    } else {
      dis = discharge(b, -net);
      let deficit = -net - dis;
      if (gasCost < importCostUsdPerMwh(s, t, h)) {
        gas = Math.min(p.gasMw, deficit);
        imp = Math.min(p.gridImportLimitMw, deficit - gas);
      } else {
        imp = Math.min(p.gridImportLimitMw, deficit);
        gas = Math.min(p.gasMw, deficit - imp);
      }
      deficit -= gas + imp;
      unserved = deficit > 0 ? deficit : 0;
    }
    o.pvMw[h] = pv;
    o.windMw[h] = wind;
    o.firmCleanMw[h] = firmMw;
    o.batteryChargeMw[h] = ch;
    o.batteryDischargeMw[h] = dis;
    o.batterySocMwh[h] = b.socMwh;
    o.gasMw[h] = gas;
    o.gridImportMw[h] = imp;
    o.exportMw[h] = exp;
    o.curtailmentMw[h] = curt;
    o.unservedMw[h] = unserved;
  }
  return { stepHours: s.stepHours, portfolio: p, series: o };
}
