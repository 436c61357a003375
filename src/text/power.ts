/** The power section of the human-readable run report: one line per site and year from `powerSitesYearly`. */
import { renderTextTable } from "../core/text-table.ts";
import type { Table } from "../core/table.ts";

const COLUMNS: [header: string, source: string, scale: number, digits: number][] = [
  ["load TWh", "loadMwh", 1e-6, 2],
  ["PV", "pvMwh", 1e-6, 2],
  ["wind", "windMwh", 1e-6, 2],
  ["firm", "firmCleanMwh", 1e-6, 2],
  ["gas", "gasMwh", 1e-6, 2],
  ["grid", "gridImportMwh", 1e-6, 2],
  ["curtailed", "curtailmentMwh", 1e-6, 2],
  ["CFE %", "cfeScoreFraction", 100, 1],
  ["match %", "annualMatchFraction", 100, 1],
  ["$/MWh", "powerCostUsdPerMwh", 1, 1],
  ["CO2 loc Mt", "locationBasedTco2", 1e-6, 2],
  ["CO2 mkt Mt", "marketBasedTco2", 1e-6, 2],
  ["water ML", "waterDataCenterMegaliters", 1, 0],
  ["peak import MW", "peakGridImportMw", 1, 0],
];

export function renderPowerSection(t: Table | undefined, years: readonly number[]): string[] {
  if (!t || t.rows.length === 0) return [];
  const col = (name: string): number => t.columns.indexOf(name);
  const [iy, is, iw] = [col("year"), col("site"), col("waterGasPlantMegaliters")];
  const rows = t.rows
    .filter((r) => years.includes(r[iy] as number))
    .map((r) => [
      String(r[is]),
      String(r[iy]),
      ...COLUMNS.map(([, src, scale, digits]) => {
        const v = (r[col(src)] as number) * scale + (src === "waterDataCenterMegaliters" ? (r[iw] as number) : 0);
        return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
      }),
    ]);
  if (rows.length === 0) return [];
  const headers = ["site", "year", ...COLUMNS.map(([h]) => h)];
  return [
    "",
    "Hourly power by site and year (TWh; CFE = 24/7 carbon-free score; water incl. gas plants; powerSitesYearly for all columns):",
    ...renderTextTable(headers, rows, { rule: true }),
  ];
}
