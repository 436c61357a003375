/** Reads a scenario file as a document for the API; an unreadable file is an error diagnostic naming it. */
import { readFileSync } from "node:fs";
import type { Outcome, ScenarioDocument } from "../index.ts";
import { fileErrorMessage } from "./file-error.ts";

export function readScenarioFile(file: string): Outcome<ScenarioDocument | null> {
  try {
    return { value: { text: readFileSync(file, "utf8"), name: file }, diagnostics: [] };
  } catch (e) {
    return { value: null, diagnostics: [{ path: file, severity: "error", message: `cannot read scenario: ${fileErrorMessage(e)}` }] };
  }
}
