/** Test helper: scenario input → resolved scenario, failing loudly on diagnostics errors. */
import { prepareScenario } from "../../src/pipeline/prepare.ts";
import { checkScenarioObject } from "../../src/scenario/load.ts";
import type { ResolvedScenario } from "../../src/scenario/resolved.ts";
import type { ScenarioInput } from "../../src/scenario/schema.ts";

export function prepareOrThrow(input: ScenarioInput): ResolvedScenario {
  const checked = checkScenarioObject(input);
  if (!checked.value) throw new Error(JSON.stringify(checked.diagnostics));
  const prepared = prepareScenario(checked.value);
  if (!prepared.value) throw new Error(JSON.stringify(prepared.diagnostics));
  return prepared.value;
}
