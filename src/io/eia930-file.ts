/** Reads EIA-930 hourly CSVs (plain or gzipped) from disk. Node only (the parsers are in eia930.ts). */
import { readTextFile } from "./read-text-file.ts";
import { type Eia930Demand, type Eia930FuelMix, type Outcome, type TimestampConvention, parseEia930Demand, parseEia930FuelMix } from "../index.ts";

function readWith<T>(path: string, parse: (text: string, file: string) => Outcome<T | null>): Outcome<T | null> {
  const text = readTextFile(path);
  return text.value === null ? { value: null, diagnostics: text.diagnostics } : parse(text.value, path);
}

/** Reads a demand CSV. */
export const readEia930DemandFile = (path: string, convention: TimestampConvention = "hour-ending"): Outcome<Eia930Demand | null> =>
  readWith(path, (t, f) => parseEia930Demand(t, f, convention));

/** Reads a fuel-mix CSV. */
export const readEia930FuelMixFile = (path: string, convention: TimestampConvention = "hour-ending"): Outcome<Eia930FuelMix | null> =>
  readWith(path, (t, f) => parseEia930FuelMix(t, f, convention));
