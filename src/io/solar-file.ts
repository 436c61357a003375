/** Reads a solar weather file from disk (plain or gzip-compressed) and parses it. */
import { basename } from "node:path";
import { type Outcome, type SolarWeather, parseSolarWeather } from "../index.ts";
import { readTextFile } from "./read-text-file.ts";

/** Reads `path` (gzip detected from its magic bytes, e.g. `.csv.gz`) and parses it with `parseSolarWeather`. */
export function readSolarWeatherFile(path: string): Outcome<SolarWeather | null> {
  const text = readTextFile(path, "weather file");
  if (text.value === null) return { value: null, diagnostics: text.diagnostics };
  return parseSolarWeather(text.value, basename(path).replace(/\.gz$/i, ""));
}
