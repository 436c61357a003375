/**
 * Shared bounds of scenario numbers: each numeric field accepts a physically meaningful range, so an accepted
 * scenario can only produce finite results (issue 15 item 7). Months and years stay within 2000-2100.
 */
import { z } from "zod";

/** $100 trillion: above any program, company or year of world GDP. */
export const MAX_USD = 1e14;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A finite number in [min, max], with the range in the message. */
export const between = (min: number, max: number) =>
  z
    .number()
    .finite()
    .min(min, `must be at least ${min.toLocaleString("en-US")}`)
    .max(max, `must be at most ${max.toLocaleString("en-US")}`);

export const yearInt = z.number().int().min(MIN_YEAR, `must be a year from ${MIN_YEAR}`).max(MAX_YEAR, `must be a year up to ${MAX_YEAR}`);

export const yearKey = z
  .string()
  .regex(/^\d{4}$/, "must be a four-digit year")
  .refine((y) => !/^\d{4}$/.test(y) || (Number(y) >= MIN_YEAR && Number(y) <= MAX_YEAR), `must be a year from ${MIN_YEAR} to ${MAX_YEAR}`);

export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month written YYYY-MM")
  // (a malformed month is reported once, by the regex)
  .refine((m) => !/^\d{4}-/.test(m) || (Number(m.slice(0, 4)) >= MIN_YEAR && Number(m.slice(0, 4)) <= MAX_YEAR), `must be a month from ${MIN_YEAR}-01 to ${MAX_YEAR}-12`);
