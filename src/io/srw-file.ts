/** Reads a wind resource file (SAM `.srw` or EnergyPlus `.epw`, gzipped or not) from disk. Node only (parsers in formats/). */
import { type Outcome, type WindResource, parseWindResource } from "../index.ts";
import { readTextFile } from "./read-text-file.ts";

/** Reads and parses a `.srw`/`.epw` file (or its `.gz`); diagnostics carry `path:line:column`. */
export function readSrwFile(path: string): Outcome<WindResource | null> {
  const text = readTextFile(path);
  if (text.value === null) return { value: null, diagnostics: text.diagnostics };
  return parseWindResource(text.value, path);
}
