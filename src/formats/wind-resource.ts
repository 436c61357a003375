/** Wind resource files by format: SAM `.srw` (hub-height WIND Toolkit data) or an EnergyPlus EPW (10 m station wind). */
import type { Outcome } from "../core/diagnostics.ts";
import type { WindResource } from "../power/profiles/wind/resource.ts";
import { parseSrw } from "./srw.ts";
import { isEpw, parseEpwWind } from "./wind-epw.ts";

/** Parses a wind resource, detecting EPW from its LOCATION line; anything else is read as SRW. */
export function parseWindResource(text: string, fileName = "wind"): Outcome<WindResource | null> {
  const start = text.charCodeAt(0) === 0xfeff ? text.slice(1, 200) : text.slice(0, 200);
  return isEpw([start]) ? parseEpwWind(text, fileName) : parseSrw(text, fileName);
}
