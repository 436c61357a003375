/** Assembles the sizing LP from its column and constraint families. */
import { LpBuilder } from "../../solver/builder.ts";
import type { LpProblem } from "../../solver/lp.ts";
import { defineBalance, defineCapacityLimits, defineFlexibility, defineStorage, defineTarget } from "./constraints.ts";
import type { SizingProblem } from "./problem.ts";
import { type SizingColumns, defineCapacityColumns, defineStepColumns } from "./variables.ts";

export interface SizingLp {
  lp: LpProblem;
  columns: SizingColumns;
  rows: { balance: number; capacityLimits: number; storage: number; flexibility: number; target: number };
}

export function buildSizingLp(p: SizingProblem, name = "gigaplan_power_sizing"): SizingLp {
  const n = p.series.loadMw.length;
  const b = new LpBuilder(name, { cols: 8 * n + 8, rows: 5 * n + 2, nonZeros: 20 * n + 16 });
  const capacity = defineCapacityColumns(b, p);
  const block = defineStepColumns(b, p);
  const columns: SizingColumns = { steps: n, capacity, block };
  const rows = {
    balance: defineBalance(b, p, columns),
    capacityLimits: defineCapacityLimits(b, p, columns),
    storage: defineStorage(b, p, columns),
    flexibility: defineFlexibility(b, p, columns),
    target: defineTarget(b, p, columns),
  };
  return { lp: b.build(), columns, rows };
}
