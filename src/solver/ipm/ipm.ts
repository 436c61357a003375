/**
 * A primal-dual interior-point method for the standard form of ./standard-form.ts: Mehrotra's predictor-corrector
 * from an infeasible start, with Gondzio's centrality correctors, and the normal equations of
 * ./normal-equations.ts (banded envelope factor plus the dense capacity columns by Sherman–Morrison–Woodbury).
 *
 * It stops at relative primal and dual infeasibility ≤ `tolerance` and relative duality gap ≤ `gapTolerance`:
 * an interior optimum, not a vertex (no crossover). Pure: no clock, no I/O.
 */
import { NormalEquations } from "./normal-equations.ts";
import type { StandardForm } from "./standard-form.ts";

export interface IpmOptions {
  /** relative primal and dual infeasibility (default 1e-8) */
  tolerance?: number;
  /** relative duality gap (default 1e-8) */
  gapTolerance?: number;
  maxIterations?: number;
  /** Gondzio centrality correctors per iteration, each one more solve with the same factor (default 2) */
  correctors?: number;
  /** share of the longest feasible step taken (default 0.9995) */
  stepFactor?: number;
  /** called once per iteration (progress, benchmarks) */
  onIteration?: (info: { iteration: number; mu: number; primalInfeasibility: number; dualInfeasibility: number; relativeGap: number; primalStep: number; dualStep: number; affinePrimalStep: number; affineDualStep: number; correctors: number }) => void;
}

export interface IpmResult {
  /** stalled: complementarity vanished before the residuals did (the iterates sit on bounds they cannot leave), or the primal residual diverged */
  status: "optimal" | "iteration-limit" | "stalled" | "numerical-error";
  iterations: number;
  /** the standard form the solution belongs to (rows in the factor's order) */
  sf: StandardForm;
  x: Float64Array;
  y: Float64Array;
  /** the problem's objective (standard form objective × scale + constant) */
  objective: number;
  primalInfeasibility: number;
  dualInfeasibility: number;
  relativeGap: number;
}

/** out = A·v */
function ax(sf: StandardForm, v: Float64Array, out: Float64Array): void {
  out.fill(0);
  const { colStart, rowIndex, value } = sf;
  for (let j = 0; j < sf.n; j++) {
    const vj = v[j];
    if (vj === 0) continue;
    for (let e = colStart[j]; e < colStart[j + 1]; e++) out[rowIndex[e]] += value[e] * vj;
  }
}

const maxAbs = (v: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s = Math.max(s, Math.abs(v[i]));
  return s;
};

interface Direction {
  dx: Float64Array;
  dw: Float64Array;
  dz: Float64Array;
  ds: Float64Array;
  dy: Float64Array;
  /** longest primal and dual steps that keep x, w, z, s ≥ 0 (at most 1) */
  ap: number;
  ad: number;
}

/** complementarity below this share of its start: the iterates are at the optimum's bounds; the residuals must
 * vanish within AFTER_COLLAPSE more iterations (they do in 1-3 on the sizing LPs), or the method has stalled */
const COLLAPSE = 1e-12;
const AFTER_COLLAPSE = 10;

const newDirection = (n: number, m: number): Direction => ({ dx: new Float64Array(n), dw: new Float64Array(n), dz: new Float64Array(n), ds: new Float64Array(n), dy: new Float64Array(m), ap: 1, ad: 1 });

export function solveIpm(sf0: StandardForm, o: IpmOptions = {}): IpmResult {
  const tol = o.tolerance ?? 1e-8;
  const gapTol = o.gapTolerance ?? 1e-8;
  const maxIt = o.maxIterations ?? 200;
  const maxCorrectors = o.correctors ?? 2;
  const stepFactor = o.stepFactor ?? 0.9995;
  const { sf, ne } = NormalEquations.prepare(sf0);
  const { m, n, c, b, u, free, colStart, rowIndex, value } = sf;
  const hasU = Uint8Array.from(u, (v) => (v < Infinity ? 1 : 0));
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const z = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(m);
  const theta = new Float64Array(n);
  const tmpN = new Float64Array(n);
  const rhs = new Float64Array(m);
  const primalReg = 1e-10;
  const aty = (v: Float64Array, j: number): number => {
    let t = 0;
    for (let e = colStart[j]; e < colStart[j + 1]; e++) t += value[e] * v[rowIndex[e]];
    return t;
  };
  const compCount = (): number => {
    let k = 0;
    for (let j = 0; j < n; j++) k += (free[j] ? 0 : 1) + hasU[j];
    return Math.max(1, k);
  };
  const nComp = compCount();

  // starting point (Mehrotra): least-norm x and least-squares y with Θ = I, then shifted into the interior
  theta.fill(1);
  ne.factorize(theta);
  ne.solve(b, rhs);
  for (let j = 0; j < n; j++) x[j] = aty(rhs, j);
  ax(sf, c, rhs);
  ne.solve(rhs, y);
  let minP = Infinity;
  let minD = Infinity;
  for (let j = 0; j < n; j++) {
    if (free[j]) continue;
    const d = c[j] - aty(y, j);
    if (hasU[j]) {
      w[j] = u[j] - x[j];
      z[j] = Math.max(d, 0);
      s[j] = Math.max(-d, 0);
      minP = Math.min(minP, x[j], w[j]);
      minD = Math.min(minD, z[j], s[j]);
    } else {
      z[j] = d;
      minP = Math.min(minP, x[j]);
      minD = Math.min(minD, z[j]);
    }
  }
  const dp = Math.max(-1.5 * minP, 0);
  const dd = Math.max(-1.5 * minD, 0);
  let xz = 0;
  let sumP = 0;
  let sumD = 0;
  for (let j = 0; j < n; j++) {
    if (free[j]) continue;
    x[j] += dp;
    z[j] += dd;
    xz += x[j] * z[j];
    sumP += x[j];
    sumD += z[j];
    if (hasU[j]) {
      w[j] += dp;
      s[j] += dd;
      xz += w[j] * s[j];
      sumP += w[j];
      sumD += s[j];
    }
  }
  const dp2 = sumD > 0 ? (0.5 * xz) / sumD : 1;
  const dd2 = sumP > 0 ? (0.5 * xz) / sumP : 1;
  for (let j = 0; j < n; j++) {
    if (free[j]) continue;
    x[j] = Math.max(x[j] + dp2, 1e-8);
    z[j] = Math.max(z[j] + dd2, 1e-8);
    if (hasU[j]) (w[j] = Math.max(w[j] + dp2, 1e-8)), (s[j] = Math.max(s[j] + dd2, 1e-8));
  }

  const rb = new Float64Array(m);
  const rc = new Float64Array(n);
  const ru = new Float64Array(n);
  let rxz = new Float64Array(n);
  let rws = new Float64Array(n);
  let rxzTry = new Float64Array(n);
  let rwsTry = new Float64Array(n);
  const rt = new Float64Array(n);
  let dir = newDirection(n, m);
  let aff = newDirection(n, m);
  const cNorm = maxAbs(c);
  let uNorm = 0;
  for (let j = 0; j < n; j++) if (hasU[j]) uNorm = Math.max(uNorm, Math.abs(u[j]));

  /** Newton direction for the complementarity right-hand sides rx, rw, with its longest steps. */
  const direction = (rx: Float64Array, rw: Float64Array, out: Direction): void => {
    for (let j = 0; j < n; j++) {
      let r = rc[j];
      if (!free[j]) r -= rx[j] / x[j];
      if (hasU[j]) r += (rw[j] - s[j] * ru[j]) / w[j];
      rt[j] = r;
      tmpN[j] = theta[j] * r;
    }
    ax(sf, tmpN, rhs);
    for (let i = 0; i < m; i++) rhs[i] += rb[i];
    ne.solve(rhs, out.dy);
    let ap = 1;
    let ad = 1;
    const { dx, dz, dw, ds, dy } = out;
    for (let j = 0; j < n; j++) {
      const dxj = theta[j] * (aty(dy, j) - rt[j]);
      dx[j] = dxj;
      if (free[j]) continue;
      const dzj = (rx[j] - z[j] * dxj) / x[j];
      dz[j] = dzj;
      if (ap * dxj < -x[j]) ap = -x[j] / dxj;
      if (ad * dzj < -z[j]) ad = -z[j] / dzj;
      if (hasU[j]) {
        const dwj = ru[j] - dxj;
        const dsj = (rw[j] - s[j] * dwj) / w[j];
        dw[j] = dwj;
        ds[j] = dsj;
        if (ap * dwj < -w[j]) ap = -w[j] / dwj;
        if (ad * dsj < -s[j]) ad = -s[j] / dsj;
      }
    }
    out.ap = ap;
    out.ad = ad;
  };

  let mu0 = Infinity;
  let collapsedAt = -1;
  let bestPInf = Infinity;
  let it = 0;
  let pInf = Infinity;
  let dInf = Infinity;
  let gap = Infinity;
  let status: IpmResult["status"] = "iteration-limit";
  for (; it <= maxIt; it++) {
    ax(sf, x, rb);
    // primal residual row by row, relative to the row's own size (one row with a large b, as the annual target,
    // must not hide the hourly rows' residuals)
    let rbRel = 0;
    for (let i = 0; i < m; i++) {
      const axi = rb[i];
      rb[i] = b[i] - axi;
      rbRel = Math.max(rbRel, Math.abs(rb[i]) / (1 + Math.max(Math.abs(b[i]), Math.abs(axi))));
    }
    let pobj = 0;
    let dobj = 0;
    let mu = 0;
    let ruMax = 0;
    let rcMax = 0;
    for (let j = 0; j < n; j++) {
      const rcj = c[j] - aty(y, j) - z[j] + s[j];
      rc[j] = rcj;
      rcMax = Math.max(rcMax, Math.abs(rcj));
      pobj += c[j] * x[j];
      mu += x[j] * z[j] + w[j] * s[j];
      if (hasU[j]) {
        ru[j] = u[j] - x[j] - w[j];
        ruMax = Math.max(ruMax, Math.abs(ru[j]));
        dobj -= u[j] * s[j];
      }
    }
    for (let i = 0; i < m; i++) dobj += b[i] * y[i];
    mu /= nComp;
    pInf = Math.max(rbRel, ruMax / (1 + uNorm));
    dInf = rcMax / (1 + cNorm);
    gap = Math.abs(pobj - dobj) / (1 + Math.abs(pobj));
    if (!Number.isFinite(pobj) || !Number.isFinite(dobj) || !Number.isFinite(pInf) || !Number.isFinite(dInf)) {
      status = "numerical-error";
      break;
    }
    if (pInf <= tol && dInf <= tol && gap <= gapTol) {
      status = "optimal";
      break;
    }
    if (it === maxIt) break;
    if (it === 0) mu0 = mu;
    else if (mu < COLLAPSE * mu0 && collapsedAt < 0) collapsedAt = it;
    bestPInf = Math.min(bestPInf, pInf);
    // stalled: complementarity gone (or never there) without convergence, or the primal residual diverging
    // (above 1e-2 after having been 10,000 times smaller: round-off in the directions; El Paso peaks at 7e-3)
    const diverged = pInf > 1e-2 && pInf > 1e4 * bestPInf;
    if (diverged || mu0 === 0 || (collapsedAt >= 0 && it - collapsedAt >= AFTER_COLLAPSE)) {
      // complementarity has vanished but the residuals have not: the iterates sit on bounds they cannot leave
      status = "stalled";
      break;
    }
    for (let j = 0; j < n; j++) {
      let d = primalReg;
      if (!free[j]) d += z[j] / x[j];
      if (hasU[j]) d += s[j] / w[j];
      theta[j] = 1 / d;
    }
    ne.factorize(theta);
    // predictor (affine scaling)
    for (let j = 0; j < n; j++) {
      rxz[j] = free[j] ? 0 : -x[j] * z[j];
      rws[j] = hasU[j] ? -w[j] * s[j] : 0;
    }
    direction(rxz, rws, aff);
    let muAff = 0;
    for (let j = 0; j < n; j++) {
      if (!free[j]) muAff += (x[j] + aff.ap * aff.dx[j]) * (z[j] + aff.ad * aff.dz[j]);
      if (hasU[j]) muAff += (w[j] + aff.ap * aff.dw[j]) * (s[j] + aff.ad * aff.ds[j]);
    }
    const sigma = Math.min(1, (muAff / nComp / mu) ** 3);
    const target = sigma * mu;
    // corrector (Mehrotra): centring plus the second-order term of the affine step
    for (let j = 0; j < n; j++) {
      rxz[j] = free[j] ? 0 : target - x[j] * z[j] - aff.dx[j] * aff.dz[j];
      rws[j] = hasU[j] ? target - w[j] * s[j] - aff.dw[j] * aff.ds[j] : 0;
    }
    direction(rxz, rws, dir);
    // Gondzio's centrality correctors: aim at a longer step, push the trial point's outlying complementarity
    // products back into [0.1, 10] × σμ, and keep the correction while it lengthens the step
    const affAp = aff.ap;
    const affAd = aff.ad;
    let accepted = 0;
    const push = (v: number): number => (v < 0.1 * target ? 0.1 * target - v : v > 10 * target ? Math.max(10 * target - v, -10 * target) : 0);
    for (let k = 0; k < maxCorrectors && Math.min(dir.ap, dir.ad) < 0.9; k++) {
      const apT = Math.min(1, dir.ap + 0.2);
      const adT = Math.min(1, dir.ad + 0.2);
      for (let j = 0; j < n; j++) {
        rxzTry[j] = free[j] ? 0 : rxz[j] + push((x[j] + apT * dir.dx[j]) * (z[j] + adT * dir.dz[j]));
        rwsTry[j] = hasU[j] ? rws[j] + push((w[j] + apT * dir.dw[j]) * (s[j] + adT * dir.ds[j])) : 0;
      }
      direction(rxzTry, rwsTry, aff);
      if (Math.min(aff.ap, aff.ad) < 1.01 * Math.min(dir.ap, dir.ad)) break;
      [dir, aff] = [aff, dir];
      [rxz, rxzTry] = [rxzTry, rxz];
      [rws, rwsTry] = [rwsTry, rws];
      accepted++;
    }
    const ap = Math.min(1, stepFactor * dir.ap);
    const ad = Math.min(1, stepFactor * dir.ad);
    for (let j = 0; j < n; j++) {
      x[j] += ap * dir.dx[j];
      if (!free[j]) z[j] += ad * dir.dz[j];
      if (hasU[j]) {
        w[j] += ap * dir.dw[j];
        s[j] += ad * dir.ds[j];
      }
    }
    for (let i = 0; i < m; i++) y[i] += ad * dir.dy[i];
    o.onIteration?.({ iteration: it, mu, primalInfeasibility: pInf, dualInfeasibility: dInf, relativeGap: gap, primalStep: ap, dualStep: ad, affinePrimalStep: affAp, affineDualStep: affAd, correctors: accepted });
  }
  let obj = 0;
  for (let j = 0; j < n; j++) obj += c[j] * x[j];
  return { status, iterations: it, sf, x, y, objective: obj * sf.objectiveScale + sf.objectiveConstant, primalInfeasibility: pInf, dualInfeasibility: dInf, relativeGap: gap };
}
