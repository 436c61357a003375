/**
 * The optional `financing` block of a scenario: funding structures (operating cash flow, corporate bonds, SPV/JV with
 * a lease and a residual value guarantee), accounting (useful-life changes, idle-fleet impairment, tax rate) and the
 * revenue-required settings. Omitted numbers take their defaults from data/financing.json (see resolve.ts).
 */
import { z } from "zod";
import { MAX_USD, between, month, yearKey } from "./bounds.ts";

const usd = between(0, MAX_USD);
const positiveUsd = between(1, MAX_USD);
const years = between(0.5, 100);
const fraction = z.number().finite().min(0).max(1);
const rate = z.number().finite().min(0).max(1);
const assetClass = z.enum(["shellCore", "electricalMechanical", "siteLandOther", "it"]);
const amortization = z.enum(["bullet", "level", "straightLine"]);
const paymentsPerYear = z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(12)]);

export const operatingCashFlowStructureSchema = z.strictObject({
  kind: z.literal("operatingCashFlow"),
  name: z.string().min(1).describe("Label of the remainder: everything no other structure funds is paid from operating cash flow"),
});

/** Either one issue (amountUsd, issueMonth, maturityMonth) or a program share (programCapexShareFraction, termYears). */
export const corporateBondSchema = z.strictObject({
  kind: z.literal("corporateBond"),
  name: z.string().min(1),
  amountUsd: positiveUsd.optional().describe("Principal of a single issue, nominal USD"),
  issueMonth: month.optional(),
  maturityMonth: month.optional(),
  programCapexShareFraction: fraction.optional().describe("Instead of one issue: borrow this share of each month's program capex, one tranche a month"),
  termYears: years.optional().describe("Term of each program-share tranche (0.5 to 100 years)"),
  fromMonth: month.optional().describe("First month program-share tranches are issued; default: horizon start"),
  untilMonth: month.optional().describe("Last month program-share tranches are issued; default: horizon end"),
  couponFractionPerYear: rate,
  amortization: amortization.default("bullet"),
  amortizationStartMonth: month.optional().describe("Single issue: first month principal may be repaid; default: first payment date"),
  paymentsPerYear: paymentsPerYear.optional().describe("Coupon dates per year; default from data/financing.json"),
});

export const leaseSchema = z.strictObject({
  startMonth: month.optional().describe("Rent starts; default: first month a covered phase is online"),
  initialTermYears: between(1, 100).optional().describe("Years (1 to 100)"),
  renewalTermYears: between(1, 100).optional().describe("Years (1 to 100)"),
  renewals: z.number().int().min(0).max(50).optional().describe("Renewals exercised (0 to 50); default: enough to reach debt maturity"),
  escalationFractionPerYear: between(-0.2, 0.5).optional(),
  annualRentUsd: positiveUsd.optional().describe("First-year rent at full capacity; omit to size it from debt service and the partner's target return"),
  partnerTargetIrrFraction: rate.optional(),
  minDebtServiceCoverRatio: between(1, 10).optional().describe("Minimum debt service cover ratio (1 to 10)"),
  sponsorDiscountRateFractionPerYear: rate.optional().describe("Rate discounting the lease liability; default: the SPV coupon"),
});

export const residualValueGuaranteeSchema = z.strictObject({
  termYears: between(1, 100).optional().describe("Years from lease start the guarantee covers (1 to 100)"),
  basis: z.enum(["debtOutstanding", "cost"]).default("debtOutstanding"),
  guaranteedFraction: between(0, 2).optional().describe("Guaranteed value as a fraction of the basis (0 to 2)"),
  marketValueDeclineFractionPerYear: fraction.optional(),
  marketValueFloorFraction: fraction.optional(),
  vacancyHaircutFraction: fraction.optional().describe("Discount of the campus's market value once its tenant has left"),
});

/** Omitted deal terms default to the Hyperion JV (Beignet Investor LLC) in data/financing.json, with an info note. */
export const spvSchema = z.strictObject({
  kind: z.literal("spv"),
  name: z.string().min(1),
  site: z.string().min(1).describe("Site whose assets the SPV owns"),
  phases: z.array(z.string().min(1)).min(1).optional().describe("Phases of the site the SPV owns; default: all"),
  assetClasses: z.array(assetClass).min(1).default(["shellCore", "electricalMechanical", "siteLandOther"]),
  sponsorEquityFraction: between(0, 0.99).optional().describe("Sponsor's share of the SPV's equity (0 to 0.99); the partner owns the rest"),
  closeMonth: month.optional().describe("Financial close: debt drawn, partner cash in, assets built so far contributed by the sponsor"),
  debtUsd: usd.optional(),
  couponFractionPerYear: rate.optional(),
  maturityMonth: month.optional(),
  amortization: z
    .enum(["bullet", "level", "straightLine", "sculpted"])
    .default("level")
    .describe("sculpted: principal follows the lease's cash flow (CFADS / a constant DSCR that repays the declared debt by maturity)"),
  amortizationStartMonth: month.optional().describe("default: lease start"),
  paymentsPerYear: paymentsPerYear.optional(),
  partnerEquityUsd: usd.optional().describe("Partner cash at close"),
  sponsorCashEquityUsd: usd.default(0),
  sponsorDistributionAtCloseUsd: usd.optional(),
  opexFractionOfCostPerYear: fraction.optional(),
  debtServiceReserveMonths: between(0, 60).optional().describe("Months (0 to 60)"),
  reportedDevelopmentCostUsd: positiveUsd.optional().describe("Published development cost, shown beside the modelled cost (not an input)"),
  lease: leaseSchema.default({}),
  residualValueGuarantee: residualValueGuaranteeSchema.optional(),
  debtSizing: z
    .strictObject({
      targetMinDscr: between(1, 10).optional().describe("Sculpted debt is sized so that CFADS covers debt service this many times in every period (1 to 10); default data/financing.json"),
      maxGearingFraction: fraction.optional().describe("Cap on debt / covered cost; default none"),
      lockUpDscr: between(0.5, 10).optional().describe("Trailing-12-month DSCR below which distributions would be locked up"),
      defaultDscr: between(0.5, 10).optional().describe("Trailing-12-month DSCR below which the debt would be in default"),
      cashSweepFraction: fraction
        .optional()
        .describe("Default 0. Share of the cash the waterfall would distribute (or locks up) that prepays the debt instead, in inverse order of maturity (0 to 1)"),
    })
    .default({})
    .describe("How much debt the SPV's lease cash flow supports (sculpted to a target DSCR) and when covenants would bind"),
});

export const structureSchema = z.discriminatedUnion("kind", [operatingCashFlowStructureSchema, corporateBondSchema, spvSchema]);

export const usefulLifeChangeSchema = z.strictObject({
  assetClass,
  effectiveMonth: month,
  lifeYears: years.describe("Book life from the effective month on (remaining value over the remaining new life; 0.5 to 100 years)"),
  previousLifeYears: years.optional().describe("Book life before the change; default: the model's asset life"),
});

export const impairmentSchema = z.strictObject({
  idleFractionByYear: z.record(yearKey, fraction).describe("Share of the fleet standing idle in each year"),
  triggerIdleFraction: fraction.describe("Idle share at or above which the idle part of the fleet is written down"),
  assetClasses: z.array(assetClass).min(1).default(["it"]),
});

export const accountingSchema = z.strictObject({
  usefulLifeChanges: z.array(usefulLifeChangeSchema).default([]),
  impairment: impairmentSchema.optional(),
  taxRateFraction: fraction.optional().describe("Effective tax rate on pretax income; default: Meta's 2024 rate"),
});

export const revenueRequiredSchema = z.strictObject({
  waccFractionPerYear: rate.optional().describe("Cost of capital annualizing capex; default: economics discount rate"),
  targetMarginFraction: z.number().finite().min(0).max(0.99).optional().describe("Gross margin; default 1 - 1/Sequoia margin multiplier"),
});

export const projectFinanceSizingSchema = z
  .strictObject({
    sites: z.array(z.string().min(1)).min(1).describe("Sites whose own cash flow would carry non-recourse project debt"),
    couponFractionPerYear: rate.optional().describe("Default: the Hyperion bond's coupon (data/financing.json)"),
    tenorYears: between(1, 40).optional().describe("Years of repayment from the site's first month online; default: the Hyperion bond's term"),
    targetMinDscr: between(1, 10).optional().describe("Debt sculpted so CFADS covers debt service this many times (default as for SPVs)"),
    maxGearingFraction: fraction.optional().describe("Cap on debt / the site's first-build capex"),
  })
  .describe("How much project debt each listed site's program revenue could carry (a sizing; it does not change the funding routes)");

export const financingSchema = z.strictObject({
  structures: z.array(structureSchema).default([]),
  projectFinanceSizing: projectFinanceSizingSchema.optional(),
  accounting: accountingSchema.default({ usefulLifeChanges: [] }),
  revenueRequired: revenueRequiredSchema.default({}),
});

export type FinancingInput = z.input<typeof financingSchema>;
export type Financing = z.output<typeof financingSchema>;
export type SpvInput = z.output<typeof spvSchema>;
export type CorporateBondInput = z.output<typeof corporateBondSchema>;
