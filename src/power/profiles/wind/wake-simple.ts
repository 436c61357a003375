/**
 * Farm output in one time step with SAM/ssc's "simple" wake model (Pat Quinlan's model; behaviour of
 * `windPowerCalculator::windPowerUsingResource` + `simpleWakeModel` in ssc, re-implemented):
 *
 * 1. turbine positions are rotated into downwind/crosswind coordinates for the wind direction, shifted so the
 *    minimum is 0, expressed in rotor radii and ordered by downwind distance;
 * 2. the most upwind turbine sees the free wind; each following turbine i sees v · Π_j (1 − δ_ij) over the
 *    turbines j upwind of it, where δ_ij is a Gaussian velocity deficit that depends on the crosswind and
 *    downwind distances, j's thrust coefficient, and i's turbulence intensity — which grows with every upwind
 *    turbine within reach (added turbulence (Ct/7)(1 − 0.4 ln(2x)), combined in quadrature);
 * 3. farm output = Σ of each turbine's output at its reduced speed; gross = n × the free-stream output.
 *
 * A `WakeWorkspace` holds all per-turbine scratch, so a step allocates nothing.
 */
import type { WindModelData } from "../../../data/wind-model.ts";
import type { TurbineLayout } from "./layout.ts";
import { type TurbineState, turbineOutputKw } from "./turbine.ts";

const QUARTER_TURN_DEG = 90;
const DEG_PER_HALF_TURN = 180;
const TWO = 2;
const FOUR = 4;

export interface WakeWorkspace {
  n: number;
  /** by turbine id, rotor radii */
  downwind: Float64Array;
  crosswind: Float64Array;
  /** turbine ids by increasing downwind distance (kept between steps: the next sort starts nearly sorted) */
  order: Int32Array;
  sortedDownwindRadii: Float64Array;
  sortedCrosswindRadii: Float64Array;
  thrust: Float64Array;
  /** gross output of the last step (n × free-stream turbine output), kW */
  lastGrossKw: number;
}

export function createWakeWorkspace(n: number): WakeWorkspace {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return {
    n,
    downwind: new Float64Array(n),
    crosswind: new Float64Array(n),
    order,
    sortedDownwindRadii: new Float64Array(n),
    sortedCrosswindRadii: new Float64Array(n),
    thrust: new Float64Array(n),
    lastGrossKw: 0,
  };
}

/**
 * Downwind/crosswind coordinates for wind from `directionDeg`, shifted to start at 0 and expressed in rotor radii
 * (converted before sorting, as ssc does: the conversion's rounding decides the order of near-ties).
 */
function rotate(layout: TurbineLayout, directionDeg: number, rotorDiameterM: number, w: WakeWorkspace): void {
  const radians = ((directionDeg + QUARTER_TURN_DEG) * Math.PI) / DEG_PER_HALF_TURN;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  let minDown = Infinity;
  let minCross = Infinity;
  for (let i = 0; i < w.n; i++) {
    const east = layout.xM[i];
    const north = layout.yM[i];
    const d = east * cos - north * sin;
    const c = east * sin + north * cos;
    w.downwind[i] = d;
    w.crosswind[i] = c;
    if (d < minDown) minDown = d;
    if (c < minCross) minCross = c;
  }
  for (let i = 0; i < w.n; i++) {
    w.downwind[i] = (TWO * (w.downwind[i] - minDown)) / rotorDiameterM;
    w.crosswind[i] = (TWO * (w.crosswind[i] - minCross)) / rotorDiameterM;
  }
}

/** Insertion sort of `order` by (downwind, id): a total order, so the result equals ssc's stable sort. */
function sortByDownwind(w: WakeWorkspace): void {
  const { order, downwind } = w;
  for (let k = 1; k < w.n; k++) {
    const id = order[k];
    const d = downwind[id];
    let m = k;
    while (m > 0) {
      const prev = order[m - 1];
      const pd = downwind[prev];
      if (pd > d || (pd === d && prev > id)) {
        order[m] = prev;
        m--;
      } else break;
    }
    order[m] = id;
  }
}

/** Sets up the sorted geometry (in rotor radii) for one wind direction. */
export function prepareGeometry(layout: TurbineLayout, directionDeg: number, rotorDiameterM: number, w: WakeWorkspace): void {
  rotate(layout, directionDeg, rotorDiameterM, w);
  sortByDownwind(w);
  for (let k = 0; k < w.n; k++) {
    const id = w.order[k];
    w.sortedDownwindRadii[k] = w.downwind[id];
    w.sortedCrosswindRadii[k] = w.crosswind[id];
  }
}

/**
 * Net farm output (kW) after internal wakes for free-stream speed/direction/density; the gross (n × free-stream
 * turbine output) is left in `w.lastGrossKw`.
 */
export function simpleWakeFarmKw(
  turbine: TurbineState,
  layout: TurbineLayout,
  rotorDiameterM: number,
  speedMps: number,
  directionDeg: number,
  densityKgPerM3: number,
  ambientTurbulenceFraction: number,
  wake: WindModelData["simpleWake"],
  w: WakeWorkspace,
): number {
  const p0 = turbineOutputKw(turbine, speedMps, densityKgPerM3);
  const ct0 = turbine.lastThrustCoefficient;
  w.lastGrossKw = p0 * w.n;
  if (w.n < 2) return p0;
  if (p0 <= 0) return 0;
  prepareGeometry(layout, directionDeg, rotorDiameterM, w);
  const down = w.sortedDownwindRadii;
  const cross = w.sortedCrosswindRadii;
  const thrust = w.thrust;
  const maxCross = wake.maxCrosswindRotorRadii;
  const thrustDivisor = wake.addedTurbulenceThrustDivisor;
  const logCoefficient = wake.addedTurbulenceLogCoefficient;
  const minExponent = wake.minGaussianExponent;
  thrust[0] = ct0;
  let total = p0;
  for (let i = 1; i < w.n; i++) {
    let deficit = 1;
    let ti = ambientTurbulenceFraction;
    for (let j = 0; j < i; j++) {
      const radiiCross = Math.abs(cross[j] - cross[i]);
      const radiiAxial = Math.abs(down[j] - down[i]);
      const ct = thrust[j];
      if (radiiCross > maxCross || ti <= 0 || radiiAxial <= 0 || ct <= 0) continue;
      const added = (ct / thrustDivisor) * (1 - logCoefficient * Math.log(TWO * radiiAxial));
      // x * x is the correctly rounded square, as pow(x, 2) in ssc
      ti = Math.sqrt(added * added + ti * ti);
      const spread = ti * ti * (radiiAxial * radiiAxial);
      const exponent = Math.max(minExponent, -(radiiCross * radiiCross) / (TWO * spread));
      const velocityDeficit = (ct / (FOUR * spread)) * Math.exp(exponent);
      deficit *= 1 - Math.max(Math.min(velocityDeficit, 1), 0);
    }
    total += turbineOutputKw(turbine, speedMps * deficit, densityKgPerM3);
    thrust[i] = turbine.lastThrustCoefficient;
  }
  return total;
}
