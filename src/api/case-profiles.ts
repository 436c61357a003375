/**
 * Weather and grid profiles for the cases of a sweep or a diff: read through the scenario's files as `run` reads
 * them, and reused by every case whose sites (all but their phases) are those of a case already read (a swept
 * number elsewhere changes no profile), so a sweep reads each file once.
 */
import type { Outcome } from "../core/diagnostics.ts";
import type { ReferenceData } from "../data/index.ts";
import type { InputFiles } from "../pipeline/input-files.ts";
import { loadPowerProfiles } from "../pipeline/profiles.ts";
import type { PowerProfiles } from "../power/site/site-power.ts";
import type { Scenario } from "../scenario/schema.ts";

export interface CaseProfiles {
  /** the profiles of a scenario's sites with a power block (undefined when it has none) */
  of(s: Scenario): Promise<Outcome<PowerProfiles | undefined>>;
}

export function caseProfiles(files: InputFiles, ref: ReferenceData): CaseProfiles {
  const read = new Map<string, Promise<Outcome<PowerProfiles | undefined>>>();
  return {
    of(s) {
      if (!s.sites.some((x) => x.power)) return Promise.resolve({ value: undefined, diagnostics: [] });
      // everything a site's profiles can depend on (its power block, location, grid region...): all but its phases
      const key = JSON.stringify(s.sites.map(({ phases: _phases, ...site }) => site));
      let hit = read.get(key);
      if (!hit) read.set(key, (hit = loadPowerProfiles(s, files, { ref })));
      return hit;
    },
  };
}
