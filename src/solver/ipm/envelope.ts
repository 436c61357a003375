/**
 * Sparse symmetric positive-definite factorization for the interior-point method's normal equations
 * M = A·Θ·Aᵀ: rows are reordered by reverse Cuthill–McKee (a banded order for the hour-by-hour sizing LP, whose
 * rows at hour t touch only hours t−1 and t+1), dense rows go last, and M is factored as L·Lᵀ in envelope
 * (profile) storage, so fill stays inside each row's first non-zero and the diagonal. Cost per factorization:
 * Σ (row envelope width)², about rows × bandwidth² for a banded order.
 *
 * Row i of L (in the new order) holds columns first[i] .. i at L[start[i] .. start[i] + i − first[i]] (the diagonal last).
 */

/** Reverse Cuthill–McKee order of the graph (adjacency lists), each component from a pseudo-peripheral node. */
export function reverseCuthillMcKee(n: number, adjStart: Int32Array, adj: Int32Array, skip: Uint8Array): Int32Array {
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (skip[i]) continue;
    for (let k = adjStart[i]; k < adjStart[i + 1]; k++) if (!skip[adj[k]]) degree[i]++;
  }
  const order: number[] = [];
  const seen = new Uint8Array(n);
  const level = new Int32Array(n).fill(-1);
  const bfsLast = (root: number): { last: number; depth: number; visited: number[] } => {
    const visited = [root];
    level[root] = 0;
    let head = 0;
    let last = root;
    while (head < visited.length) {
      const v = visited[head++];
      for (let k = adjStart[v]; k < adjStart[v + 1]; k++) {
        const u = adj[k];
        if (skip[u] || level[u] >= 0) continue;
        level[u] = level[v] + 1;
        visited.push(u);
        if (level[u] > level[last] || (level[u] === level[last] && degree[u] < degree[last])) last = u;
      }
    }
    const depth = level[last];
    for (const v of visited) level[v] = -1;
    return { last, depth, visited };
  };
  for (let s = 0; s < n; s++) {
    if (skip[s] || seen[s]) continue;
    // pseudo-peripheral start: repeat the farthest-node search while the depth grows
    let root = s;
    let r = bfsLast(root);
    for (let pass = 0; pass < 4; pass++) {
      const next = bfsLast(r.last);
      if (next.depth <= r.depth) break;
      root = r.last;
      r = next;
    }
    const queue = [root];
    seen[root] = 1;
    let head = 0;
    const nbrs: number[] = [];
    while (head < queue.length) {
      const v = queue[head++];
      nbrs.length = 0;
      for (let k = adjStart[v]; k < adjStart[v + 1]; k++) {
        const u = adj[k];
        if (!skip[u] && !seen[u]) {
          seen[u] = 1;
          nbrs.push(u);
        }
      }
      nbrs.sort((a, b) => degree[a] - degree[b] || a - b);
      for (const u of nbrs) queue.push(u);
    }
    for (const v of queue) order.push(v);
  }
  return Int32Array.from(order.reverse());
}

/**
 * The row order for the factor: reverse Cuthill–McKee on the graph of the (row, row) couples, then the `dense`
 * rows in index order. perm[newIndex] = row.
 */
export function envelopeOrder(n: number, pairRows: Int32Array, pairCols: Int32Array, dense: Uint8Array): Int32Array {
  const deg = new Int32Array(n + 1);
  const np = pairRows.length;
  for (let p = 0; p < np; p++) if (pairRows[p] !== pairCols[p]) deg[pairRows[p] + 1]++, deg[pairCols[p] + 1]++;
  for (let i = 0; i < n; i++) deg[i + 1] += deg[i];
  const adjStart = Int32Array.from(deg);
  const fill = Int32Array.from(deg);
  const adj = new Int32Array(deg[n]);
  for (let p = 0; p < np; p++) {
    const a = pairRows[p];
    const b = pairCols[p];
    if (a === b) continue;
    adj[fill[a]++] = b;
    adj[fill[b]++] = a;
  }
  const sparseOrder = reverseCuthillMcKee(n, adjStart, adj, dense);
  const perm = new Int32Array(n);
  perm.set(sparseOrder);
  let k = sparseOrder.length;
  for (let i = 0; i < n; i++) if (dense[i]) perm[k++] = i;
  return perm;
}

export interface EnvelopeFactor {
  /** number of rows */
  n: number;
  first: Int32Array;
  start: Int32Array;
  /** the matrix M (lower triangle) before factorization, then the unit lower triangle L of L·D·Lᵀ */
  values: Float64Array;
  /** D of L·D·Lᵀ */
  d: Float64Array;
  /** pivots replaced because they were not above `tiny` (dependent rows), last factorization */
  replacedPivots: number;
  /** scratch row */
  row: Float64Array;
}

/**
 * The envelope storage of a symmetric matrix whose non-zero (row, row) couples are listed, in the rows' own
 * order (see `envelopeOrder`); returns, for each couple, its position in `values`, and each diagonal's.
 */
export function envelopeOf(n: number, pairRows: Int32Array, pairCols: Int32Array): { factor: EnvelopeFactor; position: Int32Array; diagonal: Int32Array } {
  const np = pairRows.length;
  const first = new Int32Array(n);
  for (let i = 0; i < n; i++) first[i] = i;
  for (let p = 0; p < np; p++) {
    const a = pairRows[p];
    const b = pairCols[p];
    const hi = a > b ? a : b;
    const lo = a > b ? b : a;
    if (lo < first[hi]) first[hi] = lo;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + (i - first[i] + 1);
  const position = new Int32Array(np);
  for (let p = 0; p < np; p++) {
    const a = pairRows[p];
    const b = pairCols[p];
    const hi = a > b ? a : b;
    const lo = a > b ? b : a;
    position[p] = start[hi] + (lo - first[hi]);
  }
  const diagonal = new Int32Array(n);
  for (let i = 0; i < n; i++) diagonal[i] = start[i + 1] - 1;
  const factor: EnvelopeFactor = { n, first, start, values: new Float64Array(start[n]), d: new Float64Array(n), replacedPivots: 0, row: new Float64Array(n) };
  return { factor, position, diagonal };
}

/**
 * In-place L·D·Lᵀ of the symmetric positive (semi)definite envelope matrix in `f.values`. A pivot not above
 * `tiny` times its row's original diagonal (a dependent row, or one whose columns all sit at bounds) is replaced
 * by a huge value, which zeroes that component of the solution, the usual treatment in interior-point codes.
 */
export function factorEnvelope(f: EnvelopeFactor, tiny = 1e-30): void {
  const { n, first, start, d } = f;
  const L = f.values;
  const g = f.row;
  let replaced = 0;
  for (let i = 0; i < n; i++) {
    const fi = first[i];
    const si = start[i] - fi;
    // g_j = L_ij·D_j along the row, then L_ij = g_j / D_j
    for (let j = fi; j < i; j++) {
      const fj = first[j];
      const sj = start[j] - fj;
      const k0 = fi > fj ? fi : fj;
      let sum = L[si + j];
      for (let k = k0; k < j; k++) sum -= g[k] * L[sj + k];
      g[j] = sum;
    }
    const original = L[si + i];
    let piv = original;
    for (let j = fi; j < i; j++) {
      const lij = g[j] / d[j];
      piv -= g[j] * lij;
      L[si + j] = lij;
    }
    if (!(piv > tiny * Math.max(1, Math.abs(original)))) {
      replaced++;
      piv = 1e128;
    }
    d[i] = piv;
    L[si + i] = 1;
  }
  f.replacedPivots = replaced;
}

/** z ← L⁻¹·z in place. */
export function forwardEnvelope(f: EnvelopeFactor, z: Float64Array): void {
  const { n, first, start } = f;
  const L = f.values;
  for (let i = 0; i < n; i++) {
    const si = start[i] - first[i];
    let sum = z[i];
    for (let k = first[i]; k < i; k++) sum -= L[si + k] * z[k];
    z[i] = sum;
  }
}

/** z ← L⁻ᵀ·z in place. */
export function backwardEnvelope(f: EnvelopeFactor, z: Float64Array): void {
  const { n, first, start } = f;
  const L = f.values;
  for (let i = n - 1; i >= 0; i--) {
    const si = start[i] - first[i];
    const zi = z[i];
    for (let k = first[i]; k < i; k++) z[k] -= L[si + k] * zi;
  }
}

/** x = M⁻¹·b with the factor (x may be b). */
export function solveEnvelope(f: EnvelopeFactor, b: Float64Array, x: Float64Array): void {
  if (x !== b) x.set(b);
  forwardEnvelope(f, x);
  for (let i = 0; i < f.n; i++) x[i] /= f.d[i];
  backwardEnvelope(f, x);
}

/** a ← L⁻¹·a, b ← L⁻¹·b, c ← L⁻¹·c in one pass over the factor (three times fewer reads of L than three passes). */
export function forwardEnvelope3(f: EnvelopeFactor, a: Float64Array, b: Float64Array, c: Float64Array): void {
  const { n, first, start } = f;
  const L = f.values;
  for (let i = 0; i < n; i++) {
    const si = start[i] - first[i];
    let sa = a[i];
    let sb = b[i];
    let sc = c[i];
    for (let k = first[i]; k < i; k++) {
      const l = L[si + k];
      sa -= l * a[k];
      sb -= l * b[k];
      sc -= l * c[k];
    }
    a[i] = sa;
    b[i] = sb;
    c[i] = sc;
  }
}
