/** Reads a solar weather file from disk (plain or gzip-compressed) and parses it. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { error, type Outcome } from "../core/diagnostics.ts";
import { parseSolarWeather } from "../formats/solar/solar.ts";
import type { SolarWeather } from "../power/profiles/pv/weather.ts";

const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Reads `path` (gzip detected from its magic bytes, e.g. `.csv.gz`) and parses it with `parseSolarWeather`. */
export function readSolarWeatherFile(path: string): Outcome<SolarWeather | null> {
  const name = basename(path).replace(/\.gz$/i, "");
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { value: null, diagnostics: [error(path, `cannot read weather file (${code})`)] };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8").decode(isGzip(bytes) ? gunzipSync(bytes) : bytes);
  } catch (e) {
    return { value: null, diagnostics: [error(path, `cannot decompress weather file (${(e as Error).message})`)] };
  }
  return parseSolarWeather(text, name);
}
