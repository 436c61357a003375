/**
 * `runText` plus the inputs that live in files next to the scenario (hourly weather and grid profiles for the
 * sites' `power` blocks). File problems are errors with the scenario path of the field naming the file, and stop
 * the run like any other input error.
 */
import { hasErrors } from "../core/diagnostics.ts";
import { type ReferenceData, referenceData } from "../data/index.ts";
import { type RunOutcome, prepareScenario, runText } from "../pipeline/run.ts";
import { parseScenarioText } from "../scenario/load.ts";
import { loadPowerProfiles } from "../pipeline/profiles.ts";

export function runTextWithFiles(text: string, fileName: string, ref: ReferenceData = referenceData): RunOutcome {
  const parsed = parseScenarioText(text, fileName);
  // an invalid scenario is reported as it is, without reading (or warning about) its weather files
  if (!parsed.value || !prepareScenario(parsed.value, ref).value) return runText(text, fileName, ref);
  const profiles = loadPowerProfiles(parsed.value, fileName, { ref });
  const out = runText(text, fileName, ref, { powerProfiles: profiles.value });
  const diagnostics = [...out.diagnostics, ...profiles.diagnostics];
  if (hasErrors(profiles.diagnostics)) return { result: null, diagnostics };
  if (out.result) {
    out.result.diagnostics = [...out.result.diagnostics, ...profiles.diagnostics];
    out.result.summary.diagnostics = [...out.result.summary.diagnostics, ...profiles.diagnostics];
  }
  return { result: out.result, diagnostics };
}
