/** Small text helpers shared by the solar weather readers: CSV lines, numbers, capped diagnostics. */
import { type Diagnostic, error } from "../../core/diagnostics.ts";

/** Splits one CSV line; handles double-quoted fields ("a, b") and doubled quotes inside them. */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(",");
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Lines of a text file without the trailing line break (CRLF or LF) and without a byte-order mark. */
export function textLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Parses a numeric CSV field: a finite number, "missing" for an empty field, or "invalid". */
export function parseNumberField(text: string | undefined): number | "missing" | "invalid" {
  if (text === undefined) return "missing";
  const t = text.trim();
  if (t === "") return "missing";
  const v = Number(t);
  return Number.isFinite(v) ? v : "invalid";
}

/** Collects diagnostics, keeping the first `maxErrors` errors and counting the rest in one closing message. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  private errors = 0;
  constructor(
    private readonly file: string,
    private readonly maxErrors = 50,
  ) {}

  add(d: Diagnostic): void {
    if (d.severity === "error") {
      this.errors++;
      if (this.errors > this.maxErrors) return;
    }
    this.items.push(d);
  }

  /** An error at `file:line[:column]`. */
  error(line: number, column: string | null, message: string): void {
    this.add(error(`${this.file}:${line}${column === null ? "" : `:${column}`}`, message));
  }

  get errorCount(): number {
    return this.errors;
  }

  /** Diagnostics including a summary of the errors that were left out. */
  finish(): Diagnostic[] {
    if (this.errors <= this.maxErrors) return this.items;
    return [...this.items, error(this.file, `${this.errors - this.maxErrors} more error(s) not listed`)];
  }
}
