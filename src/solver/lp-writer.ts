/**
 * CPLEX LP file writer (the text format read by HiGHS, CBC, CPLEX, Gurobi, GLPK, SCIP):
 *
 *   \ comment
 *   Minimize
 *    obj: 3 x + 2 y
 *   Subject To
 *    c1: x + y >= 2
 *   Bounds
 *    0 <= x <= 4
 *   End
 *
 * Names are sanitized to letters, digits, `_` and `.`, never start with a digit, `.` or the letter e/E (reserved
 * for exponents), never equal a keyword, and stay unique. Lines are wrapped below 255 characters. A ranged row
 * (finite lower < finite upper) becomes two rows `<name>_lo` (≥) and `<name>_hi` (≤); a row that is free on both
 * sides is left out. Numbers are written in JavaScript's shortest round-trip form, so values survive exactly.
 */
import type { LpProblem } from "./lp.ts";

export const LP_MAX_LINE_CHARS = 255;
const MAX_NAME_CHARS = 128;
const KEYWORDS = new Set([
  "minimize", "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max", "subject", "to", "st", "s.t.",
  "such", "that", "bounds", "bound", "free", "inf", "infinity", "end", "general", "generals", "gen", "binary",
  "binaries", "bin", "semi", "semis", "sos",
]);

/** Makes one name legal in the LP format (not yet unique). */
export function sanitizeLpName(raw: string): string {
  let s = raw.replace(/[^A-Za-z0-9_.]/g, "_");
  if (s === "" || /^[0-9.eE]/.test(s) || KEYWORDS.has(s.toLowerCase())) s = `n_${s}`;
  return s.length > MAX_NAME_CHARS ? s.slice(0, MAX_NAME_CHARS) : s;
}

/** Sanitized, unique names in the same order as `raw`. */
export function uniqueLpNames(raw: readonly string[], taken: Set<string> = new Set()): string[] {
  const out: string[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const base = sanitizeLpName(raw[i]);
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    out[i] = name;
  }
  return out;
}

export const formatLpNumber = (x: number): string => (x === Infinity ? "+inf" : x === -Infinity ? "-inf" : String(x));

/** Appends ` ± |coef| name` terms to `lines`, starting on `head` and wrapping long lines. */
function writeTerms(lines: string[], head: string, terms: Iterable<[number, string]>, tail: string): void {
  let line = head;
  let any = false;
  for (const [coef, name] of terms) {
    const term = `${coef < 0 ? " -" : " +"} ${formatLpNumber(Math.abs(coef))} ${name}`;
    if (line.length + term.length > LP_MAX_LINE_CHARS) {
      lines.push(line);
      line = "";
    }
    line += term;
    any = true;
  }
  if (!any) throw new Error(`LP writer: empty expression in "${head.trim()}"`);
  if (line.length + tail.length > LP_MAX_LINE_CHARS) {
    lines.push(line);
    line = "";
  }
  lines.push(line + tail);
}

function* rowTerms(p: LpProblem, i: number, cols: string[]): Generator<[number, string]> {
  const end = p.rowStart[i + 1];
  if (end === p.rowStart[i]) yield [0, cols[0]];
  for (let k = p.rowStart[i]; k < end; k++) yield [p.value[k], cols[p.colIndex[k]]];
}

function* objectiveTerms(p: LpProblem, cols: string[]): Generator<[number, string]> {
  let any = false;
  for (let j = 0; j < p.numCols; j++) {
    if (p.colCost[j] !== 0) {
      any = true;
      yield [p.colCost[j], cols[j]];
    }
  }
  if (!any) yield [0, cols[0]];
}

function boundLine(name: string, lo: number, up: number): string | null {
  if (lo === 0 && up === Infinity) return null;
  if (lo === up) return ` ${name} = ${formatLpNumber(lo)}`;
  if (lo === -Infinity && up === Infinity) return ` ${name} free`;
  if (up === Infinity) return ` ${name} >= ${formatLpNumber(lo)}`;
  return ` ${formatLpNumber(lo)} <= ${name} <= ${formatLpNumber(up)}`;
}

export interface LpText {
  text: string;
  /** sanitized column names, by column index */
  colNames: string[];
  /** for each LP-file row, the problem row it comes from */
  rowOrigin: Int32Array;
  /** the LP-file row names, in file order */
  fileRowNames: string[];
}

/** Writes the problem as CPLEX LP text. */
export function writeLp(p: LpProblem): LpText {
  if (p.numCols === 0) throw new Error("LP writer: the problem has no columns");
  const taken = new Set<string>(["obj"]);
  const cols = uniqueLpNames(p.colNames, taken);
  const rows = uniqueLpNames(p.rowNames, taken);
  const lines: string[] = [`\\ ${sanitizeLpName(p.name)}: ${p.numCols} columns, ${p.numRows} rows (written by gigaplan)`, "Minimize"];
  writeTerms(lines, " obj:", objectiveTerms(p, cols), "");
  lines.push("Subject To");
  const origin: number[] = [];
  const fileRowNames: string[] = [];
  const emit = (name: string, i: number, tail: string): void => {
    writeTerms(lines, ` ${name}:`, rowTerms(p, i, cols), tail);
    origin.push(i);
    fileRowNames.push(name);
  };
  for (let i = 0; i < p.numRows; i++) {
    const lo = p.rowLower[i];
    const up = p.rowUpper[i];
    if (lo === up) emit(rows[i], i, ` = ${formatLpNumber(lo)}`);
    else if (lo === -Infinity && up === Infinity) continue;
    else if (lo === -Infinity) emit(rows[i], i, ` <= ${formatLpNumber(up)}`);
    else if (up === Infinity) emit(rows[i], i, ` >= ${formatLpNumber(lo)}`);
    else {
      const [nlo, nhi] = uniqueLpNames([`${rows[i]}_lo`, `${rows[i]}_hi`], taken);
      emit(nlo, i, ` >= ${formatLpNumber(lo)}`);
      emit(nhi, i, ` <= ${formatLpNumber(up)}`);
    }
  }
  const bounds: string[] = [];
  for (let j = 0; j < p.numCols; j++) {
    const b = boundLine(cols[j], p.colLower[j], p.colUpper[j]);
    if (b !== null) bounds.push(b);
  }
  if (bounds.length > 0) lines.push("Bounds", ...bounds);
  lines.push("End", "");
  return { text: lines.join("\n"), colNames: cols, rowOrigin: Int32Array.from(origin), fileRowNames };
}
