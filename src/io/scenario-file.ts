/** Reads a scenario file as a document for the API; an unreadable file is an error diagnostic naming it. */
import { readFileSync } from "node:fs";
import type { Outcome, ScenarioDocument } from "../index.ts";

export function readScenarioFile(file: string): Outcome<ScenarioDocument | null> {
  try {
    return { value: { text: readFileSync(file, "utf8"), name: file }, diagnostics: [] };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { value: null, diagnostics: [{ path: file, severity: "error", message: `cannot read scenario (${code})` }] };
  }
}
