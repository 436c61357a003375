/**
 * Solar weather readers: TMY2 in SAM csv format, NREL TMY3 csv, NSRDB PSM3 csv (and other SAM CSV files), EnergyPlus EPW.
 * The format is detected from the header. Malformed files give diagnostics with the line number and column
 * name (missing column, non-numeric value, wrong row count, negative irradiance); nothing is silently zeroed.
 */
import { error, type Outcome } from "../../core/diagnostics.ts";
import { isEpw } from "../epw.ts";
import { parseEpwSolar } from "./epw.ts";
import { isSamCsv, parseSamCsv } from "./sam-csv.ts";
import { textLines } from "./text.ts";
import { isTmy3, parseTmy3 } from "./tmy3.ts";
import type { SolarWeather } from "../../power/profiles/pv/weather.ts";

export type { SolarWeather } from "../../power/profiles/pv/weather.ts";

/** Parses the text of a solar weather file; `fileName` is used in diagnostics. */
export function parseSolarWeather(text: string, fileName = "weather"): Outcome<SolarWeather | null> {
  const lines = textLines(text);
  if (lines.length === 0 || lines.every((l) => l.trim() === "")) return { value: null, diagnostics: [error(fileName, "the file is empty")] };
  if (isEpw(lines)) return parseEpwSolar(lines, fileName);
  if (isTmy3(lines)) return parseTmy3(lines, fileName);
  if (isSamCsv(lines)) return parseSamCsv(lines, fileName);
  return {
    value: null,
    diagnostics: [
      error(
        `${fileName}:1`,
        "unrecognized solar weather format: expected a SAM CSV / NSRDB PSM3 file (line 1 names Latitude, Longitude, Time Zone, " +
          "line 3 the columns) or an NREL TMY3 csv (line 2 starts with \"Date (MM/DD/YYYY)\") or an EnergyPlus EPW file (line 1 starts with LOCATION)",
      ),
    ],
  };
}
