/** What every command shares: the output streams, exit codes, and how diagnostics are printed. */
import { type Diagnostic, formatDiagnostic } from "../index.ts";
import { fileErrorMessage } from "../io/file-error.ts";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stderr is a terminal: progress shows by default (absent: not a terminal) */
  stderrIsTty?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_CANCELLED = 130;

/** Prints a count of errors (when any) and every warning and error, one per line. */
export function printDiagnostics(label: string, ds: readonly Diagnostic[], io: Io): void {
  const errors = ds.filter((d) => d.severity === "error");
  if (errors.length > 0) io.stderr(`${label}: ${errors.length} error(s); nothing was written\n`);
  for (const d of ds) if (d.severity !== "info") io.stderr(`  ${formatDiagnostic(d)}\n`);
}

/** Diagnostics about API options renamed to the command-line flags that set them. */
export function withFlags(ds: readonly Diagnostic[], flags: Record<string, string>): Diagnostic[] {
  return ds.map((d) => (flags[d.path] ? { ...d, path: flags[d.path] } : d));
}

/**
 * Why a file could not be read or decoded, in words: the file system's reason (`no such file`, `it is a
 * directory, not a file`), `not a Parquet file` for bytes without Parquet's header and footer, else the
 * decoder's own message.
 */
export function readErrorMessage(e: unknown): string {
  if ((e as NodeJS.ErrnoException | undefined)?.code !== undefined) return fileErrorMessage(e);
  const message = e instanceof Error ? e.message : String(e);
  if (/^parquet file (invalid|is too short)|^parquet metadata length/.test(message)) return "not a Parquet file";
  if (/^parquet /.test(message)) return `damaged Parquet file (${message.replace(/^parquet /, "")})`;
  return message;
}
