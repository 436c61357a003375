/**
 * Locates the reference solar weather files for tests and benchmarks: the shared validation directory
 * (`../shared/validation/weather` relative to the repository root) when present, else the gzipped copies
 * bundled in `data/weather/`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The shared validation directory; `GIGAPLAN_VALIDATION_DIR` overrides it (e.g. a missing path, to test the bundled copies). */
export const SHARED_VALIDATION_DIR = process.env.GIGAPLAN_VALIDATION_DIR ?? join(REPO_ROOT, "..", "shared", "validation");

export const PHOENIX_TMY2 = "USA_AZ_Phoenix_TMY2.csv";
export const PHOENIX_PSM3_TMY = "phoenix_az_33.450495_-111.983688_psmv3_60_tmy.csv";
export const AMARILLO_PSM3_2012 = "35.2018863_-101.945027_psmv3_60_2012.csv";

export interface LocatedFile {
  path: string;
  from: "shared" | "bundled";
}

/** Path of a reference weather file, preferring the shared validation copy; null when neither exists. */
export function solarWeatherFixture(name: string): LocatedFile | null {
  const shared = join(SHARED_VALIDATION_DIR, "weather", name);
  if (existsSync(shared)) return { path: shared, from: "shared" };
  const bundled = join(REPO_ROOT, "data", "weather", `${name}.gz`);
  return existsSync(bundled) ? { path: bundled, from: "bundled" } : null;
}
