/**
 * Representative weeks for the sizing LP: the 52 weeks of the year (the 365th day goes with the last week) are
 * clustered by their hourly load, PV and wind profiles (k-medoids, deterministic farthest-point start), and the LP
 * models only the medoid weeks, hour by hour, each weighted by the hours it stands for. Storage is cyclic within each
 * week. `expand` maps any per-step array back onto the 8760 hours (each week replaced by its medoid), which gives a
 * synthetic year whose sums equal the LP's weighted sums, so the usual metrics apply to it unchanged.
 */
import type { PowerSeries } from "../dispatch/inputs.ts";

export const HOURS_PER_WEEK = 168;
const WEEKS = 52;
const MAX_ITERATIONS = 50;
const KEYS = ["loadMw", "pvCapacityFactor", "windCapacityFactor", "gridPriceUsdPerMwh", "exportPriceUsdPerMwh", "gridCo2KgPerMwh", "gridCleanFraction"] as const;

export interface RepresentativeWeeks {
  /** the medoid weeks back to back, hourly */
  series: PowerSeries;
  /** hours of the year each step stands for */
  stepWeight: Float64Array;
  /** chosen weeks (0-based), chronological */
  weeks: number[];
  /** step of the representative series that stands for each hour of the year */
  hourToStep: Int32Array;
}

/** Distance between two weeks: squared differences of normalized load and of the PV and wind capacity factors. */
function distances(s: PowerSeries): Float64Array {
  let peak = 0;
  for (const x of s.loadMw) peak = Math.max(peak, x);
  const scale = peak > 0 ? 1 / peak : 0;
  const d = new Float64Array(WEEKS * WEEKS);
  for (let a = 0; a < WEEKS; a++) {
    for (let b = a + 1; b < WEEKS; b++) {
      let sum = 0;
      for (let h = 0; h < HOURS_PER_WEEK; h++) {
        const i = a * HOURS_PER_WEEK + h;
        const j = b * HOURS_PER_WEEK + h;
        const dl = (s.loadMw[i] - s.loadMw[j]) * scale;
        const dp = s.pvCapacityFactor[i] - s.pvCapacityFactor[j];
        const dw = s.windCapacityFactor[i] - s.windCapacityFactor[j];
        sum += dl * dl + dp * dp + dw * dw;
      }
      d[a * WEEKS + b] = sum;
      d[b * WEEKS + a] = sum;
    }
  }
  return d;
}

function assign(d: Float64Array, medoids: number[]): Int32Array {
  const owner = new Int32Array(WEEKS);
  for (let w = 0; w < WEEKS; w++) {
    let best = 0;
    for (let m = 1; m < medoids.length; m++) if (d[w * WEEKS + medoids[m]] < d[w * WEEKS + medoids[best]]) best = m;
    owner[w] = best;
  }
  return owner;
}

/** Farthest-point start from the most central week, then alternate assignment and medoid update until stable. */
export function clusterWeeks(d: Float64Array, k: number): number[] {
  const total = (w: number): number => {
    let s = 0;
    for (let v = 0; v < WEEKS; v++) s += d[w * WEEKS + v];
    return s;
  };
  const medoids = [Array.from({ length: WEEKS }, (_, w) => w).reduce((a, b) => (total(b) < total(a) ? b : a))];
  while (medoids.length < k) {
    let far = -1;
    let farD = -1;
    for (let w = 0; w < WEEKS; w++) {
      const near = Math.min(...medoids.map((m) => d[w * WEEKS + m]));
      if (near > farD) [far, farD] = [w, near];
    }
    medoids.push(far);
  }
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const owner = assign(d, medoids);
    let changed = false;
    for (let m = 0; m < k; m++) {
      const members = [...owner.keys()].filter((w) => owner[w] === m);
      const cost = (c: number): number => members.reduce((s, w) => s + d[c * WEEKS + w], 0);
      const best = members.reduce((a, b) => (cost(b) < cost(a) ? b : a), medoids[m]);
      if (best !== medoids[m]) [medoids[m], changed] = [best, true];
    }
    if (!changed) break;
  }
  return medoids.sort((a, b) => a - b);
}

export function representativeWeeks(s: PowerSeries, k: number): RepresentativeWeeks {
  if (s.loadMw.length !== 8760 || s.stepHours !== 1) throw new Error("representative weeks need an hourly year of 8760 steps");
  if (!Number.isInteger(k) || k < 1 || k > WEEKS) throw new Error(`the number of representative weeks must be 1..${WEEKS} (got ${k})`);
  const d = distances(s);
  const weeks = clusterWeeks(d, k);
  const owner = assign(d, weeks);
  const n = k * HOURS_PER_WEEK;
  const series = { stepHours: 1 } as PowerSeries;
  for (const key of KEYS) {
    const a = new Float64Array(n);
    weeks.forEach((w, m) => a.set(s[key].subarray(w * HOURS_PER_WEEK, (w + 1) * HOURS_PER_WEEK), m * HOURS_PER_WEEK));
    series[key] = a;
  }
  const hourToStep = new Int32Array(8760);
  const stepWeight = new Float64Array(n);
  for (let h = 0; h < 8760; h++) {
    const w = Math.min(Math.floor(h / HOURS_PER_WEEK), WEEKS - 1); // day 365 belongs to the last week
    const step = owner[w] * HOURS_PER_WEEK + ((h - w * HOURS_PER_WEEK) % HOURS_PER_WEEK);
    hourToStep[h] = step;
    stepWeight[step] += 1;
  }
  return { series, stepWeight, weeks, hourToStep };
}

/** Spreads a per-step array of the representative weeks over the 8760 hours of the year. */
export function expand(a: Float64Array, hourToStep: Int32Array): Float64Array {
  const out = new Float64Array(hourToStep.length);
  for (let h = 0; h < out.length; h++) out[h] = a[hourToStep[h]];
  return out;
}

/** The synthetic year of a representative-week series: every hour replaced by its representative step. */
export function expandSeries(s: PowerSeries, hourToStep: Int32Array): PowerSeries {
  const out = { stepHours: s.stepHours } as PowerSeries;
  for (const key of KEYS) out[key] = expand(s[key], hourToStep);
  return out;
}
