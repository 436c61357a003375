/**
 * Standard normal quantile and distribution function, double precision.
 * - quantile: Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
 *   Applied Statistics 37(3), 477–484 (1988), PPND16 (relative accuracy about 1e-16).
 * - cdf: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969),
 *   as used by R's pnorm (full double precision including the tails).
 */

const C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const F = [1, 0.599832206555887937690, 0.136929880922735805310, 0.0148753612908506148525, 7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15];

function poly7(c: readonly number[], x: number): number {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
}

/** Φ⁻¹(p) for p in (0, 1); ±Infinity at 0 and 1, NaN outside. The central branch is written out (hot path). */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (q >= -0.425 && q <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1)
    );
  }
  return normalTail(p, q);
}

function normalTail(p: number, q: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly7(C, r) / poly7(D, r);
  } else {
    r -= 5;
    x = poly7(E, r) / poly7(F, r);
  }
  return q < 0 ? -x : x;
}

const CA = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const CB = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const CC = [0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8];
const CD = [22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727];
const CP = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const CQ = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];
const SQRT_32 = 5.656854249492380195206754896838;
const INV_SQRT_2PI = 0.398942280401432677939946059934;

/** exp(−x²/2)·t computed with x split at 1/16 for accuracy (Cody; R's do_del). */
function gaussTail(x: number, t: number): number {
  const xsq = Math.trunc(x * 16) / 16;
  const del = (x - xsq) * (x + xsq);
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5) * t;
}

/** Upper-or-lower tail mass beyond |x| (P(Z > |x|)) for |x| ≥ 0.66291. */
function tailMass(y: number): number {
  if (y <= SQRT_32) {
    let num = CC[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + CC[i]) * y;
      den = (den + CD[i]) * y;
    }
    return gaussTail(y, (num + CC[7]) / (den + CD[7]));
  }
  const xsq = 1 / (y * y);
  let num = CP[5] * xsq;
  let den = xsq;
  for (let i = 0; i < 4; i++) {
    num = (num + CP[i]) * xsq;
    den = (den + CQ[i]) * xsq;
  }
  const t = (INV_SQRT_2PI - (xsq * (num + CP[4])) / (den + CQ[4])) / y;
  return gaussTail(y, t);
}

/** Φ(x) = P(Z ≤ x). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y < 0.66291) {
    const xsq = y > 1.11e-16 ? x * x : 0;
    let num = CA[4] * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + CA[i]) * xsq;
      den = (den + CB[i]) * xsq;
    }
    return 0.5 + (x * (num + CA[3])) / (den + CB[3]);
  }
  if (y > 38.5) return x > 0 ? 1 : 0;
  const tail = tailMass(y);
  return x > 0 ? 1 - tail : tail;
}

export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}
