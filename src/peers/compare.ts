/**
 * Peer comparison: capex / revenue, capex / operating cash flow and capex growth per company and fiscal year,
 * the latest capex guidance, and capex by calendar year (fiscal years converted explicitly, never assumed equal).
 * Pure: takes the peers dataset, returns plain data.
 */
import type { PeerCompany, PeersFile } from "../data/peers.ts";
import { type MonthSpan, fiscalQuarterSpan, fiscalYearSpan, formatSpan, monthsInCalendarYear, parseQuarterKey } from "./fiscal.ts";

export interface PeerYearRow {
  ticker: string;
  company: string;
  fiscalYear: number;
  period: string;
  revenueUsd: number | null;
  operatingCashFlowUsd: number | null;
  capexUsd: number | null;
  capexToRevenueFraction: number | null;
  capexToOperatingCashFlowFraction: number | null;
  capexGrowthFraction: number | null;
}

export interface PeerGuidanceRow {
  ticker: string;
  company: string;
  fiscalYear: number;
  period: string;
  date: string;
  lowUsd: number;
  highUsd: number;
  previousMidUsd: number | null;
}

export interface CalendarCapexRow {
  ticker: string;
  company: string;
  calendarYear: number;
  capexUsd: number | null;
  method: string;
  /** the dataset values summed, as paths below companies.<ticker> with the period each covers */
  inputs: { path: string; period: "year" | "quarter" }[];
}

export interface PeersComparison {
  years: PeerYearRow[];
  guidance: PeerGuidanceRow[];
  calendarCapex: CalendarCapexRow[];
  capexDefinitions: Record<string, string>;
}

const ratioOrNull = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || b === 0 ? null : a / b;

function fiscalYears(c: PeerCompany): number[] {
  const keys = new Set([...Object.keys(c.revenueUsdByFiscalYear), ...Object.keys(c.operatingCashFlowUsdByFiscalYear), ...Object.keys(c.capexUsdByFiscalYear)]);
  return [...keys].map(Number).sort((a, b) => a - b);
}

function yearRows(ticker: string, c: PeerCompany): PeerYearRow[] {
  return fiscalYears(c).map((fy) => {
    const k = String(fy);
    const capex = c.capexUsdByFiscalYear[k];
    const prevCapex = c.capexUsdByFiscalYear[String(fy - 1)];
    return {
      ticker,
      company: c.name,
      fiscalYear: fy,
      period: formatSpan(fiscalYearSpan(fy, c.fiscalYearEndMonth)),
      revenueUsd: c.revenueUsdByFiscalYear[k] ?? null,
      operatingCashFlowUsd: c.operatingCashFlowUsdByFiscalYear[k] ?? null,
      capexUsd: capex ?? null,
      capexToRevenueFraction: ratioOrNull(capex, c.revenueUsdByFiscalYear[k]),
      capexToOperatingCashFlowFraction: ratioOrNull(capex, c.operatingCashFlowUsdByFiscalYear[k]),
      capexGrowthFraction: capex === undefined || prevCapex === undefined ? null : capex / prevCapex - 1,
    };
  });
}

function guidanceRows(ticker: string, c: PeerCompany): PeerGuidanceRow[] {
  const out: PeerGuidanceRow[] = [];
  for (const [fy, list] of Object.entries(c.capexGuidanceUsdByFiscalYear ?? {})) {
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
    sorted.forEach((g, i) => {
      const prev = sorted[i - 1];
      out.push({
        ticker,
        company: c.name,
        fiscalYear: Number(fy),
        period: formatSpan(fiscalYearSpan(Number(fy), c.fiscalYearEndMonth)),
        date: g.date,
        lowUsd: g.lowUsd,
        highUsd: g.highUsd,
        previousMidUsd: prev ? (prev.lowUsd + prev.highUsd) / 2 : null,
      });
    });
  }
  return out.sort((a, b) => a.fiscalYear - b.fiscalYear || a.date.localeCompare(b.date));
}

/** Capex of calendar year `year`: the fiscal year itself, four fiscal quarters, or null when the data do not cover it. */
export function calendarYearCapex(ticker: string, c: PeerCompany, year: number): CalendarCapexRow {
  const base = { ticker, company: c.name, calendarYear: year };
  if (c.fiscalYearEndMonth === 12) {
    const v = c.capexUsdByFiscalYear[String(year)];
    if (v === undefined) return { ...base, capexUsd: null, method: "no data", inputs: [] };
    return { ...base, capexUsd: v, method: "fiscal year = calendar year", inputs: [{ path: `capexUsdByFiscalYear.${year}`, period: "year" }] };
  }
  const quarters = Object.entries(c.quarterly?.capexInclFinanceLeasesUsd ?? {})
    .map(([k, v]) => ({ q: parseQuarterKey(k), v }))
    .filter((x): x is { q: { fiscalYear: number; quarter: number }; v: number } => x.q !== null)
    .map(({ q, v }) => ({ span: fiscalQuarterSpan(q.fiscalYear, q.quarter, c.fiscalYearEndMonth), v, label: `FY${q.fiscalYear} Q${q.quarter}`, key: `${q.fiscalYear}Q${q.quarter}` }))
    .filter((x) => monthsInCalendarYear(x.span, year) === 3);
  if (quarters.length === 4) {
    return {
      ...base,
      capexUsd: quarters.reduce((s, x) => s + x.v, 0),
      method: `sum of fiscal quarters ${quarters.map((x) => x.label).join(", ")} (incl. finance leases)`,
      inputs: quarters.map((x) => ({ path: `quarterly.capexInclFinanceLeasesUsd.${x.key}`, period: "quarter" as const })),
    };
  }
  return { ...base, capexUsd: null, method: proRataGap(c, year), inputs: [] };
}

function proRataGap(c: PeerCompany, year: number): string {
  const spans: [string, MonthSpan][] = [year, year + 1].map((fy) => [String(fy), fiscalYearSpan(fy, c.fiscalYearEndMonth)]);
  const parts = spans.filter(([, s]) => monthsInCalendarYear(s, year) > 0).map(([fy, s]) => `FY${fy} (${formatSpan(s)}: ${monthsInCalendarYear(s, year)} months)`);
  const missing = spans.filter(([fy, s]) => monthsInCalendarYear(s, year) > 0 && c.capexUsdByFiscalYear[fy] === undefined).map(([fy]) => `FY${fy}`);
  return `not computed: calendar ${year} spans ${parts.join(" and ")}; ${missing.length ? `no capex for ${missing.join(", ")}` : "pro-rata of fiscal years would assume even spending"}`;
}

export function comparePeers(peers: PeersFile, calendarYears: readonly number[] = [2024, 2025]): PeersComparison {
  const entries = Object.entries(peers.companies);
  return {
    years: entries.flatMap(([t, c]) => yearRows(t, c)),
    guidance: entries.flatMap(([t, c]) => guidanceRows(t, c)),
    calendarCapex: calendarYears.flatMap((y) => entries.map(([t, c]) => calendarYearCapex(t, c, y))),
    capexDefinitions: Object.fromEntries(entries.map(([t, c]) => [t, c.capexDefinition])),
  };
}
