/**
 * Flag parsing shared by the commands: numbers in any JavaScript notation (`1e3`, `10000`, `0x10`), checked for
 * being whole where a count is asked for, with one sentence per bad flag naming it (`--iterations: must be a
 * positive integer, got -5`); choices accepted in any letter case (`--format JSON`); and the split of a command's
 * problems into flag errors (printed as they are) and scenario problems (under the scenario file's name).
 */
import { type Command, InvalidArgumentError, type Option } from "commander";
import { type Diagnostic, error } from "../index.ts";
import { type Io, printDiagnostics } from "./io.ts";

export interface NumberRule {
  /** a whole number (counts, seeds, years) */
  integer?: boolean;
  /** smallest value allowed (default: none) */
  min?: number;
  /** largest value allowed (default: none; integers are also bounded by 2^53 − 1) */
  max?: number;
  /** what the value must be, as the message says it ("a positive integer"); default from the rule */
  what?: string;
}

const grouped = (x: number): string => (Math.abs(x) >= 1e6 && Number.isInteger(x) ? x.toLocaleString("en-US") : String(x));

/** What a rule asks for, in words: "a positive integer", "an integer from 0 to 9,007,199,254,740,991", "a number ≥ 0". */
export function describeRule(rule: NumberRule): string {
  if (rule.what) return rule.what;
  const max = rule.integer ? Math.min(rule.max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) : rule.max;
  if (rule.integer) {
    const upTo = max === Number.MAX_SAFE_INTEGER ? "" : ` up to ${grouped(max as number)}`;
    if (rule.min === 1) return `a positive integer${upTo}`;
    if (rule.min === 0) return `a non-negative integer${upTo}`;
    if (rule.min !== undefined) return `an integer from ${grouped(rule.min)}${upTo ? ` to ${grouped(max as number)}` : ""}`;
    return `an integer${upTo}`;
  }
  if (rule.min !== undefined && max !== undefined) return `a number from ${grouped(rule.min)} to ${grouped(max)}`;
  if (rule.min !== undefined) return `a number ≥ ${grouped(rule.min)}`;
  if (max !== undefined) return `a number ≤ ${grouped(max)}`;
  return "a number";
}

/**
 * A flag's value as a number: any finite number JavaScript writes (`1e3`, `2.5`, `0x10`, ` 7 `), whole where the
 * rule says so, within the rule's bounds. A bad value pushes one error with the flag as its path and returns
 * undefined; an absent flag returns undefined without an error.
 */
export function numberFlag(raw: string | undefined, flag: string, rule: NumberRule, ds: Diagnostic[]): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const x = text === "" ? Number.NaN : Number(text);
  const max = rule.integer ? Math.min(rule.max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) : (rule.max ?? Number.POSITIVE_INFINITY);
  const ok = Number.isFinite(x) && (!rule.integer || Number.isInteger(x)) && x >= (rule.min ?? Number.NEGATIVE_INFINITY) && x <= max;
  if (ok) return x;
  ds.push(error(flag, `must be ${describeRule(rule)}, got ${JSON.stringify(raw).slice(1, -1) || '""'}`));
  return undefined;
}

/** Every command under `program`, nested ones included. */
function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((c) => allCommands(c))];
}

/** Makes an option with choices accept them in any letter case (`--format JSON` is `--format json`). */
export function caseInsensitiveChoices(option: Option): void {
  const choices = option.argChoices;
  if (!choices) return;
  option.argParser((value: string) => {
    const match = choices.find((c) => c.toLowerCase() === value.trim().toLowerCase());
    if (match === undefined) throw new InvalidArgumentError(`Allowed choices are ${choices.join(", ")}.`);
    return match;
  });
}

/** `caseInsensitiveChoices` for every option with choices of every command of the program. */
export function caseInsensitiveChoicesEverywhere(program: Command): void {
  for (const command of allCommands(program)) for (const option of command.options) caseInsensitiveChoices(option);
}

/** A flag's problem (its path is the flag, `--iterations`), as opposed to a problem in the scenario file. */
export const isFlagProblem = (d: Diagnostic): boolean => d.path.startsWith("--");

/**
 * Prints a command's problems: flag errors one sentence each (`error: --paths: must be a positive integer, got
 * -5`), then the scenario's problems under its file name (`s.yaml: 2 error(s); nothing was written`).
 */
export function printProblems(file: string, ds: readonly Diagnostic[], io: Io): void {
  for (const d of ds) if (isFlagProblem(d) && d.severity === "error") io.stderr(`error: ${d.path}: ${d.message}\n`);
  printDiagnostics(file, ds.filter((d) => !isFlagProblem(d) || d.severity !== "error"), io);
}

/** `--shard k/n` as written (its range is checked by the use case); a malformed value pushes an error. */
export function shardFlag(raw: string | undefined, ds: Diagnostic[]): { index: number; count: number } | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (m) return { index: Number(m[1]), count: Number(m[2]) };
  ds.push(error("--shard", `must be written k/n, e.g. 0/8 (got "${raw}")`));
  return undefined;
}
