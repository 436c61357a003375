/**
 * Peer comparison: capex / revenue, capex / operating cash flow and capex growth per company and fiscal year on two
 * capex definitions side by side (excluding and including finance leases, the same for every company), the latest
 * capex guidance, and capex by calendar year (fiscal years converted explicitly, never assumed equal).
 * Pure: takes the peers dataset, returns plain data.
 */
import type { PeerCompany, PeersFile } from "../data/peers.ts";
import { type MonthSpan, fiscalQuarterSpan, fiscalYearSpan, formatSpan, monthsInCalendarYear, parseQuarterKey } from "./fiscal.ts";

/** The ratios the command shows, on one capex definition. */
export interface PeerCapexRatios {
  capexToRevenueFraction: number | null;
  capexToOperatingCashFlowFraction: number | null;
  capexGrowthFraction: number | null;
}

/**
 * How a year's finance leases enter capex incl. finance leases: "reported" repayments, "none" (no finance leases:
 * both definitions equal), "not-separately-reported" (an unsourced estimate), or null when there is no capex.
 */
export type FinanceLeaseStatus = "reported" | "none" | "not-separately-reported";

export interface PeerYearRow {
  ticker: string;
  company: string;
  fiscalYear: number;
  period: string;
  revenueUsd: number | null;
  operatingCashFlowUsd: number | null;
  /** capex as the company reports it (its own definition, `capexDefinitions.reported`) */
  reportedCapexUsd: number | null;
  capexExclFinanceLeasesUsd: number | null;
  financeLeasePrincipalRepaymentsUsd: number | null;
  capexInclFinanceLeasesUsd: number | null;
  financeLeaseStatus: FinanceLeaseStatus | null;
  /** assets acquired under finance leases (non-cash), in neither definition */
  financeLeaseAdditionsUsd: number | null;
  /** a headline "capex incl. finance leases" that adds assets acquired under them (Microsoft), where reported */
  reportedCapexInclFinanceLeaseAdditionsUsd: number | null;
  exclFinanceLeases: PeerCapexRatios;
  inclFinanceLeases: PeerCapexRatios;
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
  /** the definition of the figure: the company's reported capex (fiscal years) or Microsoft's quarterly basis */
  definition: string;
  /** the dataset values summed, as paths below companies.<ticker> with the period each covers */
  inputs: { path: string; period: "year" | "quarter" }[];
}

export interface PeerCapexDefinitions {
  /** the two definitions every company is compared on */
  exclFinanceLeases: string;
  inclFinanceLeases: string;
  /** each company's own headline definition (reportedCapexUsd), by ticker */
  reported: Record<string, string>;
  /** what each company's finance leases are and how they enter capex incl. finance leases, by ticker */
  financeLeases: Record<string, string>;
}

export interface PeersComparison {
  years: PeerYearRow[];
  guidance: PeerGuidanceRow[];
  calendarCapex: CalendarCapexRow[];
  capexDefinitions: PeerCapexDefinitions;
}

const ratioOrNull = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || b === 0 ? null : a / b;

function fiscalYears(c: PeerCompany): number[] {
  const keys = new Set([
    ...Object.keys(c.revenueUsdByFiscalYear),
    ...Object.keys(c.operatingCashFlowUsdByFiscalYear),
    ...Object.keys(c.capexUsdByFiscalYear),
    ...Object.keys(c.capexExclFinanceLeasesUsdByFiscalYear),
  ]);
  return [...keys].map(Number).sort((a, b) => a - b);
}

/** Capex excl. finance leases of fiscal year `k`, undefined when the data have none. */
const capexExcl = (c: PeerCompany, k: string): number | undefined => c.capexExclFinanceLeasesUsdByFiscalYear[k];

/** Capex incl. finance leases: excl. plus the year's finance-lease principal repayments (both needed). */
function capexIncl(c: PeerCompany, k: string): number | undefined {
  const excl = capexExcl(c, k);
  const repaid = c.financeLeases.principalRepaymentsUsdByFiscalYear[k];
  return excl === undefined || repaid === undefined ? undefined : excl + repaid;
}

function ratios(c: PeerCompany, fy: number, capexOf: (c: PeerCompany, k: string) => number | undefined): PeerCapexRatios {
  const k = String(fy);
  const capex = capexOf(c, k);
  const prev = capexOf(c, String(fy - 1));
  return {
    capexToRevenueFraction: ratioOrNull(capex, c.revenueUsdByFiscalYear[k]),
    capexToOperatingCashFlowFraction: ratioOrNull(capex, c.operatingCashFlowUsdByFiscalYear[k]),
    capexGrowthFraction: capex === undefined || prev === undefined || prev === 0 ? null : capex / prev - 1,
  };
}

function yearRows(ticker: string, c: PeerCompany): PeerYearRow[] {
  return fiscalYears(c).map((fy) => {
    const k = String(fy);
    const incl = capexIncl(c, k);
    return {
      ticker,
      company: c.name,
      fiscalYear: fy,
      period: formatSpan(fiscalYearSpan(fy, c.fiscalYearEndMonth)),
      revenueUsd: c.revenueUsdByFiscalYear[k] ?? null,
      operatingCashFlowUsd: c.operatingCashFlowUsdByFiscalYear[k] ?? null,
      reportedCapexUsd: c.capexUsdByFiscalYear[k] ?? null,
      capexExclFinanceLeasesUsd: capexExcl(c, k) ?? null,
      financeLeasePrincipalRepaymentsUsd: incl === undefined ? null : (c.financeLeases.principalRepaymentsUsdByFiscalYear[k] ?? null),
      capexInclFinanceLeasesUsd: incl ?? null,
      financeLeaseStatus: incl === undefined ? null : (c.financeLeases.statusByFiscalYear?.[k] ?? "reported"),
      financeLeaseAdditionsUsd: c.financeLeases.additionsUsdByFiscalYear?.[k] ?? null,
      reportedCapexInclFinanceLeaseAdditionsUsd: c.capexInclFinanceLeasesUsdByFiscalYear?.[k] ?? null,
      exclFinanceLeases: ratios(c, fy, capexExcl),
      inclFinanceLeases: ratios(c, fy, capexIncl),
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
  const base = { ticker, company: c.name, calendarYear: year, definition: `reported: ${c.capexDefinition}` };
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
      definition: "reported: quarterly capex incl. finance leases (cash additions plus assets acquired under finance leases)",
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
    capexDefinitions: {
      ...peers.capexDefinitions,
      reported: Object.fromEntries(entries.map(([t, c]) => [t, c.capexDefinition])),
      financeLeases: Object.fromEntries(entries.map(([t, c]) => [t, c.financeLeases.note])),
    },
  };
}
