/** The key result tables of the report, with the columns an analyst reads first and units in every header. */
import type { Cell } from "../core/table.ts";
import type { RunResult } from "../pipeline/run.ts";
import { type ColumnView, F, htmlTable } from "./markup.ts";

const n = (c: Cell): number => (typeof c === "number" ? c : NaN);

const YEARLY: ColumnView[] = [
  { header: "year", source: "year", format: String },
  { header: "capital plan $B", source: "capitalPlanUsd", format: F.billions },
  { header: "capex $B", source: "capexUsd", format: F.billions },
  { header: "IT MW online", source: "itPowerMwOnline", format: F.int },
  { header: "facility MW", source: "facilityPowerMwOnline", format: F.int },
  { header: "accelerators M", source: "accelerators", format: F.millions },
  { header: "BF16 EFLOP/s", source: "denseBf16FlopPerS", format: (x) => F.int(x / 1e18) },
  { header: "facility TWh", source: "facilityEnergyMwh", format: (x) => F.two(x / 1e6) },
  { header: "depreciation $B", source: "depreciationUsd", format: F.billions },
  { header: "opex $B", source: (r) => n(r.energyCostUsd) + n(r.staffCostUsd) + n(r.maintenanceCostUsd) + n(r.facilityLeaseCostUsd), format: F.billions },
  { header: "program revenue $B", source: "programRevenueUsd", format: F.billions },
  { header: "company FCF $B", source: "companyFreeCashFlowUsd", format: F.billions },
  { header: "funding gap $B", source: "fundingGapUsd", format: F.billions },
  { header: "construction jobs (peak)", source: "constructionJobsPeak", format: F.int },
  { header: "permanent jobs", source: "permanentJobs", format: F.int },
  { header: "water ML", source: "waterMegaliters", format: F.int },
];

const PHASES: ColumnView[] = [
  { header: "site", source: "site" },
  { header: "phase", source: "phase" },
  { header: "IT MW", source: "itPowerMw", format: F.int },
  { header: "requested start", source: "requestedStartMonth" },
  { header: "start", source: "startMonth" },
  { header: "online", source: (r) => r.onlineMonth ?? "after horizon" },
  { header: "delay months", source: "delayMonths", format: F.int },
  { header: "why", source: "delayReasons" },
  { header: "facility capex $B", source: "facilityCapexUsd", format: F.billions },
  { header: "first-fleet IT capex $B", source: "firstFleetItCapexUsd", format: F.billions },
  { header: "accelerators k", source: "firstFleetAccelerators", format: F.thousands },
];

const SPV: ColumnView[] = [
  { header: "SPV", source: "structure" },
  { header: "year", source: "year", format: String },
  { header: "debt drawn $B", source: "debtDrawUsd", format: F.billions },
  { header: "rent $B", source: "leaseRevenueUsd", format: F.billions },
  { header: "interest $B", source: "interestUsd", format: F.billions },
  { header: "principal $B", source: "principalUsd", format: F.billions },
  { header: "to partner $B", source: "distributionsPartnerUsd", format: F.billions },
  { header: "to sponsor $B", source: "distributionsSponsorUsd", format: F.billions },
  { header: "debt at year end $B", source: "debtBalanceUsd", format: F.billions },
  { header: "DSCR ×", source: "debtServiceCoverRatio", format: F.two },
  { header: "RVG exposure $B", source: "rvgExposureUsd", format: F.billions },
];

const GWH = (x: number): string => F.int(x / 1e3);
const POWER: ColumnView[] = [
  { header: "site", source: "site" },
  { header: "year", source: "year", format: String },
  { header: "load GWh", source: "loadMwh", format: GWH },
  { header: "PV GWh", source: "pvMwh", format: GWH },
  { header: "wind GWh", source: "windMwh", format: GWH },
  { header: "firm GWh", source: "firmCleanMwh", format: GWH },
  { header: "battery out GWh", source: "batteryDischargeMwh", format: GWH },
  { header: "gas GWh", source: "gasMwh", format: GWH },
  { header: "grid import GWh", source: "gridImportMwh", format: GWH },
  { header: "curtailed GWh", source: "curtailmentMwh", format: GWH },
  { header: "unserved GWh", source: "unservedMwh", format: GWH },
  { header: "peak import MW", source: "peakGridImportMw", format: F.int },
  { header: "24/7 CFE %", source: "cfeScoreFraction", format: F.percent },
  { header: "annual match %", source: "annualMatchFraction", format: F.percent },
  { header: "power cost $/MWh", source: "powerCostUsdPerMwh", format: F.one },
  { header: "location-based ktCO2", source: "locationBasedTco2", format: F.thousands },
  { header: "market-based ktCO2", source: "marketBasedTco2", format: F.thousands },
];

/** The yearly, phases, SPV and power tables of a run, as HTML (tables a run lacks are left out). */
export function keyTables(r: RunResult): string {
  const t = r.tables;
  return [
    htmlTable(t.yearly, YEARLY, "Program by year (money in nominal USD billions; MW and accelerators at year end)"),
    htmlTable(t.phases, PHASES, "Phases: requested and modelled schedule, delays and their reasons, first-build capex"),
    htmlTable(t.spvYearly, SPV, "SPV by year: debt, rent, waterfall, cover and residual value guarantee exposure"),
    htmlTable(t.powerSitesYearly, POWER, "Power by site and year: hourly dispatch summed (GWh), clean scores, cost, emissions"),
  ].join("\n");
}
