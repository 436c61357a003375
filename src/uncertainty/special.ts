/**
 * Special functions for the beta family (beta, PERT): log-gamma (Lanczos, g = 7, n = 9), the regularized
 * incomplete beta function I_x(a, b) by its continued fraction (modified Lentz), and its inverse by
 * safeguarded Newton steps (bisection fallback), accurate to ~1e-13 in x.
 */

import { normalQuantile } from "./normal.ts";

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
const HALF_LOG_2PI = 0.91893853320467274178;

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const TINY = 1e-300;

/** Continued fraction for I_x(a, b) (Numerical Recipes' betacf, modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b). */
export function incompleteBeta(x: number, a: number, b: number, lnBeta = logBeta(a, b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnBeta);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Beta(a, b) density. */
export function betaPdf(x: number, a: number, b: number, lnBeta = logBeta(a, b)): number {
  if (x < 0 || x > 1) return 0;
  if (x === 0) return a < 1 ? Infinity : a === 1 ? Math.exp(-lnBeta) : 0;
  if (x === 1) return b < 1 ? Infinity : b === 1 ? Math.exp(-lnBeta) : 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnBeta);
}

/** Inverse of I_x(a, b) in x: the p-quantile of Beta(a, b). */
export function betaQuantile(p: number, a: number, b: number, lnBeta = logBeta(a, b)): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = 1;
  // Start from the mean-matched normal approximation, clamped inside (0, 1).
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
  let x = Math.min(1 - 1e-9, Math.max(1e-9, mean + sd * normalQuantile(p)));
  for (let it = 0; it < 100; it++) {
    const f = incompleteBeta(x, a, b, lnBeta) - p;
    if (f < 0) lo = x;
    else hi = x;
    if (Math.abs(f) < 1e-15 || hi - lo < 1e-15) break;
    const pdf = betaPdf(x, a, b, lnBeta);
    let next = pdf > 0 && Number.isFinite(pdf) ? x - f / pdf : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) < 1e-15 * Math.max(1, x)) {
      x = next;
      break;
    }
    x = next;
  }
  return x;
}
