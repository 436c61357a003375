/**
 * The site-year both LP benchmarks solve: El Paso in the Meta scenario, in its year of highest load, 24/7 CFE ≥ 90 %,
 * every technology free to size, on the bundled weather and grid files. `sizingOf` builds its sizing problem at a
 * step length or with representative weeks.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { referenceData } from "../src/data/index.ts";
import { nodeInputFiles } from "../src/io/input-files.ts";
import { loadPowerProfiles } from "../src/pipeline/profiles.ts";
import { prepareScenario } from "../src/pipeline/prepare.ts";
import { runModel } from "../src/buildout/model.ts";
import { type SiteSizing, buildSiteSizing, defaultSizingYear } from "../src/power/optimize/site-sizing.ts";
import { sitePowerSchema } from "../src/scenario/power-schema.ts";
import { resolveSitePower } from "../src/scenario/resolve-power.ts";
import { parseScenarioText } from "../src/scenario/load.ts";

export const SITE = "El Paso";
const file = join(dirname(fileURLToPath(import.meta.url)), "..", "scenarios", "meta-600b.yaml");
const parsed = parseScenarioText(readFileSync(file, "utf8"), file).value!;
const s = prepareScenario(parsed, referenceData).value!;
const si = s.sites.findIndex((x) => x.name === SITE);
const power = s.sites[si].power ?? resolveSitePower(sitePowerSchema.parse({}), referenceData, `sites[${si}].power`, s.timeline.years, []);
const energy = runModel(s).energy[si];
/** the site's year of highest load */
export const year = defaultSizingYear(s.timeline, energy.facilityEnergyMwh)!;
const profiles = (await loadPowerProfiles(parsed, nodeInputFiles(file), { sites: [SITE], allTechnologies: true, powerDefaults: sitePowerSchema.parse({}) })).value[SITE];

export function sizingOf(o: { hoursPerStep?: number; representativeWeeks?: number } = {}): SiteSizing {
  return buildSiteSizing(s.timeline, energy.facilityEnergyMwh, power, profiles, {
    year,
    target: { kind: "cfe-247", levelFraction: 0.9, countGridClean: false },
    hoursPerStep: o.hoursPerStep ?? 1,
    representativeWeeks: o.representativeWeeks,
    regionCo2KgPerMwh: s.sites[si].gridRegionCo2KgPerMwh,
  });
}
