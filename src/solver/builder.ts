/** Incremental construction of an `LpProblem`: columns with bounds and cost, sparse rows with bounds and names. */
import type { LpProblem } from "./lp.ts";

class GrowF64 {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  view(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

class GrowI32 {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  view(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export interface BuilderCapacity {
  cols?: number;
  rows?: number;
  nonZeros?: number;
}

export class LpBuilder {
  private readonly colNames: string[] = [];
  private readonly colCost: GrowF64;
  private readonly colLower: GrowF64;
  private readonly colUpper: GrowF64;
  private readonly rowNames: string[] = [];
  private readonly rowLower: GrowF64;
  private readonly rowUpper: GrowF64;
  private readonly rowStart: GrowI32;
  private readonly colIndex: GrowI32;
  private readonly value: GrowF64;
  /** per column: 1 + position in `value` of its entry in the row being added (duplicate merging) */
  private seen = new Int32Array(16);

  constructor(
    readonly name: string,
    capacity: BuilderCapacity = {},
  ) {
    const c = capacity.cols ?? 16;
    const r = capacity.rows ?? 16;
    const nz = capacity.nonZeros ?? 4 * r;
    this.colCost = new GrowF64(c);
    this.colLower = new GrowF64(c);
    this.colUpper = new GrowF64(c);
    this.rowLower = new GrowF64(r);
    this.rowUpper = new GrowF64(r);
    this.rowStart = new GrowI32(r + 1);
    this.rowStart.push(0);
    this.colIndex = new GrowI32(nz);
    this.value = new GrowF64(nz);
  }

  get numCols(): number {
    return this.colNames.length;
  }

  get numRows(): number {
    return this.rowNames.length;
  }

  /** Adds one column and returns its index. */
  addColumn(name: string, lower: number, upper: number, cost = 0): number {
    if (!(lower <= upper)) throw new Error(`column ${name}: lower bound ${lower} > upper bound ${upper}`);
    this.colNames.push(name);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.colCost.push(cost);
    return this.colNames.length - 1;
  }

  /** Adds one row `lower ≤ Σ values[k]·x[indices[k]] ≤ upper` and returns its index. Repeated columns are summed; zero coefficients are dropped. */
  addRow(name: string, lower: number, upper: number, indices: ArrayLike<number>, values: ArrayLike<number>): number {
    if (indices.length !== values.length) throw new Error(`row ${name}: ${indices.length} indices but ${values.length} values`);
    if (!(lower <= upper)) throw new Error(`row ${name}: lower bound ${lower} > upper bound ${upper}`);
    if (this.seen.length < this.colNames.length) this.seen = new Int32Array(2 * this.colNames.length);
    const first = this.colIndex.length;
    for (let k = 0; k < indices.length; k++) {
      const j = indices[k];
      if (!(j >= 0 && j < this.colNames.length)) throw new Error(`row ${name}: column index ${j} out of range`);
      if (!Number.isFinite(values[k])) throw new Error(`row ${name}: coefficient of ${this.colNames[j]} is not finite`);
      if (this.seen[j] > 0) this.value.data[this.seen[j] - 1] += values[k];
      else {
        this.colIndex.push(j);
        this.value.push(values[k]);
        this.seen[j] = this.colIndex.length;
      }
    }
    this.compactRow(first);
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowStart.push(this.colIndex.length);
    return this.rowNames.length - 1;
  }

  /** Clears the duplicate markers of the row starting at `first` and drops its zero coefficients. */
  private compactRow(first: number): void {
    let w = first;
    for (let k = first; k < this.colIndex.length; k++) {
      const j = this.colIndex.data[k];
      this.seen[j] = 0;
      if (this.value.data[k] === 0) continue;
      this.colIndex.data[w] = j;
      this.value.data[w] = this.value.data[k];
      w++;
    }
    this.colIndex.length = w;
    this.value.length = w;
  }

  /** Adds `cost` to the objective coefficient of column j. */
  addCost(j: number, cost: number): void {
    this.colCost.data[j] += cost;
  }

  build(): LpProblem {
    return {
      name: this.name,
      numCols: this.colNames.length,
      numRows: this.rowNames.length,
      colNames: this.colNames.slice(),
      colCost: this.colCost.view(),
      colLower: this.colLower.view(),
      colUpper: this.colUpper.view(),
      rowNames: this.rowNames.slice(),
      rowLower: this.rowLower.view(),
      rowUpper: this.rowUpper.view(),
      rowStart: this.rowStart.view(),
      colIndex: this.colIndex.view(),
      value: this.value.view(),
    };
  }
}
