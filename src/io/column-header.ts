/**
 * Readable column headers with units for spreadsheets, derived from the result tables' column names, which
 * carry their unit in the name: `capexUsd` → "capex (USD)", `itPowerMwOnline` → "IT power online (MW)",
 * `capex_shellCoreUsd` → "capex: shell core (USD)", `powerCostUsdPerMwh` → "power cost (USD/MWh)",
 * `denseBf16FlopPerS` → "dense BF16 (FLOP/s)", `delayMonths` → "delay (months)".
 */

/** Unit words and how they are written. */
const UNITS: Record<string, string> = {
  Usd: "USD",
  Mw: "MW",
  Mwh: "MWh",
  Kw: "kW",
  Kwh: "kWh",
  Gw: "GW",
  Gwh: "GWh",
  Tco2: "tCO2",
  Kg: "kg",
  Megaliters: "ML",
  Fraction: "fraction",
  Percent: "%",
  Flop: "FLOP",
  Hours: "h",
};
/** Written only after "Per" (a rate's denominator). */
const DENOMINATORS: Record<string, string> = { ...UNITS, S: "s", Year: "yr", Month: "month", Hour: "h", Mwh: "MWh" };
/** Acronyms written in capitals. */
const ACRONYMS = new Set(["it", "ocf", "pue", "wue", "cfe", "spv", "rvg", "wacc", "ebit", "pv", "bf16", "fp8", "dscr", "irr", "npv", "tco", "usd"]);
/** Other words with their own spelling. */
const SPELLINGS: Record<string, string> = { om: "O&M", sequoia: "Sequoia" };

function tokens(name: string): string[] {
  return name.match(/[A-Z]?[a-z]+\d*|[A-Z]+\d*(?![a-z])|\d+/g) ?? [name];
}

function word(t: string): string {
  const lower = t.toLowerCase();
  return ACRONYMS.has(lower) ? lower.toUpperCase() : (SPELLINGS[lower] ?? lower);
}

/** Splits a camelCase name into words and its unit (e.g. ["IT", "power", "online"], "MW"). */
function wordsAndUnit(name: string): { words: string[]; unit: string | null } {
  const ts = tokens(name);
  const words: string[] = [];
  let unit: string | null = null;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    const isLast = i === ts.length - 1;
    // "Months" / "Years" as the last word is a count of months (delayMonths); "Month" is part of a name (startMonth)
    const unitHere = UNITS[t] ?? (isLast && t === "Months" ? "months" : isLast && t === "Years" ? "years" : undefined);
    if (unit === null && unitHere !== undefined) {
      let u = unitHere;
      while (ts[i + 1] === "Per" && DENOMINATORS[ts[i + 2]] !== undefined) {
        u += `/${DENOMINATORS[ts[i + 2]]}`;
        i += 2;
      }
      unit = u;
      continue;
    }
    words.push(word(t));
  }
  return { words, unit };
}

export function readableHeader(column: string): string {
  const [group, rest] = column.includes("_") ? [column.slice(0, column.indexOf("_")), column.slice(column.indexOf("_") + 1)] : [null, column];
  const main = wordsAndUnit(rest);
  let words = main.words;
  if (group !== null) {
    const g = wordsAndUnit(group).words.join(" ");
    words = [`${g}:`, ...words];
  }
  const text = words.join(" ");
  return main.unit === null ? text : `${text} (${main.unit})`;
}
