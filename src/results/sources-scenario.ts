/**
 * The numbers a scenario file states, each with the comment that sources it: a YAML scenario carries its sources
 * as comments (`# 2024 actual capex ... (Meta Q4 2024 earnings release)`, `# ASSUMPTION: ...`). For each numeric
 * value, the nearest comment (on the value, on its key, on the enclosing entries up to two levels) is taken as its
 * source and classified: "assumption" (says ASSUMPTION), "unsourced" (says UNSOURCED), "cited" (another comment),
 * "none" (no comment). Also the unit a field's name states (`energyPriceUsdPerMwh` → USD per MWh).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from "yaml";

export type ScenarioNumberStatus = "cited" | "assumption" | "unsourced" | "none";

export interface ScenarioNumber {
  /** dotted path as in diagnostics and `uncertain`, e.g. sites[0].phases[1].itPowerMw */
  path: string;
  value: number;
  unit: string;
  status: ScenarioNumberStatus;
  /** the comment taken as the number's source (whitespace collapsed), null when none */
  comment: string | null;
}

const UNIT_TOKENS: Record<string, string> = {
  Usd: "USD", Mwh: "MWh", Mw: "MW", Kwh: "kWh", Kw: "kW", Gw: "GW", Gwh: "GWh", Twh: "TWh", W: "W", Fraction: "fraction",
  Percent: "%", Years: "years", Year: "year", Months: "months", Month: "month", Hours: "h", Hour: "h", Deg: "°", Km: "km", M: "m",
  Mps: "m/s", Kg: "kg", Tco2: "tCO2", Tco2e: "tCO2e", Mmbtu: "MMBtu", L: "L", Flop: "FLOP", Pflop: "PFLOP", S: "s", Mbar: "mbar",
  Atm: "atm", C: "°C", Gal: "gal", Jobs: "jobs", Count: "count", Accelerators: "accelerators", Mj: "MJ", Kgco2: "kg CO2",
};

/** The unit a camelCase field name ends with, "" when it names none (e.g. `pue`, a ratio). */
export function unitOfName(name: string): string {
  const tokens = name.replace(/By[A-Z]\w*$/, "").split(/(?=[A-Z])/);
  const parts: string[] = [];
  for (let i = tokens.length - 1; i > 0; i--) {
    const t = tokens[i];
    if (t === "Per") parts.unshift("per");
    else if (UNIT_TOKENS[t] !== undefined) parts.unshift(UNIT_TOKENS[t]);
    else break;
  }
  while (parts[0] === "per") parts.shift();
  return parts.join(" ").replace(/FLOP s\b/g, "FLOP/s");
}

function classify(comment: string | null): ScenarioNumberStatus {
  if (comment === null) return "none";
  if (/\bASSUMPTION\b/.test(comment)) return "assumption";
  if (/\bUNSOURCED\b/.test(comment)) return "unsourced";
  return "cited";
}

const clean = (c: string | null | undefined): string | null => {
  if (!c) return null;
  const t = c.replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
};

type Node = { comment?: string | null; commentBefore?: string | null };

/** The part after a blank line of the trailing comment at the end of `node` (the comment belongs to what follows). */
function separatedTrailingComment(node: unknown): string | null {
  let cur: unknown = node;
  for (let depth = 0; cur && depth < 20; depth++) {
    const c = (cur as Node).comment;
    if (c && c.includes("\n\n")) return c.slice(c.lastIndexOf("\n\n") + 2);
    if (isMap(cur) || isSeq(cur)) {
      const last = cur.items.at(-1) as unknown;
      cur = isPair(last) ? (last.value ?? last.key) : last;
    } else return null;
  }
  return null;
}

/** Every numeric value of a YAML scenario text with its path, unit and source comment (document order). */
export function scenarioNumbers(text: string): ScenarioNumber[] {
  const doc = parseDocument(text, { uniqueKeys: false });
  const out: ScenarioNumber[] = [];
  visit(doc, {
    Scalar(key, node, ancestry) {
      if (key === "key" || typeof node.value !== "number") return;
      const names: string[] = [];
      const comments: (string | null)[] = [clean(node.comment), clean(node.commentBefore)];
      let unitName = "";
      for (let i = 0; i < ancestry.length; i++) {
        const a = ancestry[i];
        const next = ancestry[i + 1] ?? node;
        if (isPair(a) && isScalar(a.key)) {
          const k = String(a.key.value);
          if (/^[a-z][A-Za-z]*$/.test(k)) unitName = k;
          names.push(names.length === 0 || /^[A-Za-z_$][\w$]*$/.test(k) ? `${names.length === 0 ? "" : "."}${k}` : `[${JSON.stringify(k)}]`);
        } else if (isSeq(a)) {
          const idx = a.items.indexOf(next as never);
          names.push(`[${idx}]`);
        }
      }
      // nearest comment first: the value, its key, the comment over the entries just above it in the same map (one
      // comment often covers several lines), then the enclosing entries from the inside out (up to four levels)
      let levels = 0;
      for (let i = ancestry.length - 1; i >= 0 && levels < 4; i--) {
        const a = ancestry[i];
        if (isPair(a)) {
          comments.push(clean((a.key as Node | null)?.commentBefore), clean((a.value as Node | null)?.commentBefore));
          const parent = ancestry[i - 1];
          if (levels === 0 && isMap(parent)) {
            const at = parent.items.indexOf(a as never);
            for (let j = at - 1; j >= Math.max(0, at - 2); j--) comments.push(clean((parent.items[j].key as Node | null)?.commentBefore));
          }
          levels++;
        } else if (isMap(a) || isSeq(a)) comments.push(clean((a as Node).commentBefore));
        if (isSeq(ancestry[i - 1]) && isMap(a)) {
          // a comment block over a list item, after a blank line, is kept by the parser as a trailing comment of the item before
          const seq = ancestry[i - 1] as { items: unknown[] };
          const at = seq.items.indexOf(a);
          if (at > 0) comments.push(clean(separatedTrailingComment(seq.items[at - 1])));
        }
      }
      const comment = comments.find((c) => c !== null) ?? null;
      out.push({ path: names.join(""), value: node.value, unit: unitOfName(unitName), status: classify(comment), comment });
    },
  });
  return out;
}
