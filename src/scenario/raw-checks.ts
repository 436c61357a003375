/**
 * Cross-reference checks that can run on a raw (schema-invalid) scenario object, so that a scenario with both a
 * wrong type and an unknown grid region gets both errors in one pass. Only values of the expected shape are checked;
 * everything else is left to the schema errors.
 */
import { NEWEST_GENERATION_KEY } from "./resolve-accelerators.ts";
import { type Diagnostic, keyPath } from "../core/diagnostics.ts";
import type { ReferenceData } from "../data/index.ts";
import { outsideHorizon, unknownAccelerator, unknownGridRegion, unknownServingUtility } from "./messages.ts";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthNo = (s: unknown): number | null => {
  const m = typeof s === "string" ? MONTH.exec(s) : null;
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
};

export function rawCrossReferenceChecks(raw: unknown, ref: ReferenceData): Diagnostic[] {
  if (!isRecord(raw)) return [];
  const out: Diagnostic[] = [];
  const known = new Set([...Object.keys(ref.accelerators), ...(isRecord(raw.accelerators) ? Object.keys(raw.accelerators) : [])]);
  const program = isRecord(raw.program) ? raw.program : {};
  const start = monthNo(program.horizonStartMonth);
  const end = monthNo(program.horizonEndMonth);
  const sites = Array.isArray(raw.sites) ? raw.sites : [];
  sites.forEach((site, si) => {
    if (!isRecord(site)) return;
    const sitePath = `sites[${si}]`;
    if (typeof site.gridRegion === "string" && !Object.hasOwn(ref.gridRegions, site.gridRegion)) {
      out.push(unknownGridRegion(`${sitePath}.gridRegion`, site.gridRegion, Object.keys(ref.gridRegions)));
    }
    if (typeof site.gridServingUtility === "string" && !Object.hasOwn(ref.gridServingUtilities, site.gridServingUtility)) {
      out.push(unknownServingUtility(`${sitePath}.gridServingUtility`, site.gridServingUtility, Object.keys(ref.gridServingUtilities)));
    }
    const phases = Array.isArray(site.phases) ? site.phases : [];
    phases.forEach((ph, pi) => {
      if (!isRecord(ph)) return;
      const path = `${sitePath}.phases[${pi}]`;
      if (isRecord(ph.fleetMix)) {
        for (const gen of Object.keys(ph.fleetMix)) {
          // `newest` stands for the newest generation in the phase's online year (resolved later)
          if (!known.has(gen) && gen !== NEWEST_GENERATION_KEY) out.push(unknownAccelerator(keyPath(`${path}.fleetMix`, gen), gen, [...known]));
        }
      }
      if (start === null || end === null) return;
      for (const field of ["constructionStartMonth", "interconnectionMonth"] as const) {
        const m = monthNo(ph[field]);
        if (m !== null && (m < start || m > end)) {
          out.push(outsideHorizon(`${path}.${field}`, String(ph[field]), String(program.horizonStartMonth), String(program.horizonEndMonth)));
        }
      }
    });
  });
  return out;
}
