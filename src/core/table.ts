/** A result table: named columns and rows of plain cells (numbers, text or empty); one CSV file each. */
export type Cell = number | string | null;
export interface Table {
  columns: string[];
  rows: Cell[][];
}
