/** Reads a SAM wind resource file (`.srw`, or gzipped `.srw.gz`) from disk. Node only (the parser is in srw.ts). */
import { type Outcome, type WindResource, parseSrw } from "../index.ts";
import { readTextFile } from "./read-text-file.ts";

/** Reads and parses a `.srw` or `.srw.gz` file; diagnostics carry `path:line:column`. */
export function readSrwFile(path: string): Outcome<WindResource | null> {
  const text = readTextFile(path);
  if (text.value === null) return { value: null, diagnostics: text.diagnostics };
  return parseSrw(text.value, path);
}
