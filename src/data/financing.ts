/** Schema and type of data/financing.json (Hyperion SPV facts, structure assumptions, taxes, lives, Sequoia inputs). */
import { z } from "zod";

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const fraction = z.number().finite().min(0).max(1);
const year = z.number().int().min(1990).max(2100);

const revenueRequiredCaseSchema = z
  .object({
    label: z.string().min(1),
    asOf: z.string().regex(/^\d{4}-\d{2}$/),
    nvidiaDataCenterRunRateUsd: positive.optional(),
    nvidiaDataCenterQuarterRevenueUsd: positive.optional(),
    publishedRequiredRevenueUsd: positive.optional(),
  })
  .strict()
  .refine((c) => (c.nvidiaDataCenterRunRateUsd === undefined) !== (c.nvidiaDataCenterQuarterRevenueUsd === undefined), {
    message: "give exactly one of nvidiaDataCenterRunRateUsd and nvidiaDataCenterQuarterRevenueUsd",
  });

export const FinancingDataSchema = z
  .object({
    hyperion: z
      .object({
        developmentCostUsd: positive,
        campusCapacityGw: positive,
        completionYear: year,
        partnerEquityFraction: fraction,
        sponsorEquityFraction: fraction,
        partnerCashContributionUsd: nonNegative,
        equityUsd: nonNegative,
        sponsorDistributionAtCloseUsd: nonNegative,
        bondIssueUsd: positive,
        bondCouponFractionPerYear: fraction,
        bondIssueYear: year,
        bondIssueMonthOfYear: z.number().int().min(1).max(12),
        bondMaturityYear: year,
        leaseInitialTermYears: positive,
        residualValueGuaranteeTermYears: positive,
      })
      .strict()
      .refine((h) => Math.abs(h.partnerEquityFraction + h.sponsorEquityFraction - 1) < 1e-9, { message: "equity fractions must sum to 1" }),
    structureAssumptions: z
      .object({
        bondPaymentsPerYear: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(12)]),
        leaseRenewalTermYears: positive,
        leaseEscalationFractionPerYear: z.number().finite().min(-0.5).max(1),
        partnerTargetIrrFraction: z.number().finite().min(0).max(1),
        minDebtServiceCoverRatio: positive,
        debtServiceReserveMonths: nonNegative,
        spvOpexFractionOfCostPerYear: fraction,
        marketValueDeclineFractionPerYear: fraction,
        marketValueFloorFraction: fraction,
        vacancyHaircutFraction: fraction,
        guaranteedFractionOfDebt: nonNegative,
        debtSizingTargetMinDscr: positive,
        lockUpDscr: positive,
        defaultDscr: positive,
      })
      .strict(),
    tax: z.object({ metaEffectiveTaxRate2024Fraction: fraction, usFederalStatutoryTaxRateFraction: fraction }).strict(),
    accounting: z
      .object({
        metaServerLifeBefore2025Years: positive,
        metaServerLifeFrom2025Years: positive,
        metaDepreciationReduction2025Usd: nonNegative,
        metaServersNetworkGross2025Usd: nonNegative,
      })
      .strict(),
    revenueRequired: z
      .object({
        defaultWaccFractionPerYear: z.number().finite().min(0).max(1),
        sequoiaTcoMultiplier: positive,
        sequoiaMarginMultiplier: z.number().finite().min(1),
        cases: z.record(z.string().min(1), revenueRequiredCaseSchema),
      })
      .strict(),
  })
  .strict();

export type FinancingData = z.infer<typeof FinancingDataSchema>;
