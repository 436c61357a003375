/**
 * The optional `uncertain` block of a scenario: distributions on scenario numbers (keyed by the number's path,
 * e.g. `"sites[0].phases[1].itPowerMw"`), rank correlations between them, and the demand and strategy settings
 * used by `gigaplan compare`. Parameter consistency (min < max, …) is checked in distributions.ts, paths in
 * paths.ts, so every problem is reported with its path.
 */
import { z } from "zod";
import { between, month, yearInt } from "./bounds.ts";

const finite = z.number().finite();
const positive = finite.positive();

export const fixedSchema = z.strictObject({ dist: z.literal("fixed"), value: finite });
export const uniformSchema = z.strictObject({ dist: z.literal("uniform"), min: finite, max: finite });
export const normalSchema = z
  .strictObject({ dist: z.literal("normal"), mean: finite.optional(), sd: positive.optional(), p5: finite.optional(), p95: finite.optional() })
  .describe("either mean and sd, or p5 and p95");
export const lognormalSchema = z
  .strictObject({
    dist: z.literal("lognormal"),
    mu: finite.optional().describe("mean of ln X"),
    sigma: positive.optional().describe("standard deviation of ln X"),
    mean: positive.optional(),
    sd: positive.optional(),
    p5: positive.optional(),
    p95: positive.optional(),
  })
  .describe("one of: mu and sigma (of ln X), mean and sd (of X), p5 and p95 (90 % interval)");
export const triangularSchema = z.strictObject({ dist: z.literal("triangular"), min: finite, mode: finite, max: finite });
export const pertSchema = z.strictObject({
  dist: z.literal("pert"),
  min: finite,
  mode: finite,
  max: finite,
  lambda: z.number().finite().positive().max(1000).default(4).describe("weight of the mode (classic PERT: 4), at most 1,000"),
});
export const betaSchema = z.strictObject({
  dist: z.literal("beta"),
  alpha: z.number().finite().min(0.01).max(1e5).describe("shape alpha, 0.01 to 100,000 (the range the sampler serves to 1e-6)"),
  beta: z.number().finite().min(0.01).max(1e5).describe("shape beta, 0.01 to 100,000"),
  min: finite.default(0),
  max: finite.default(1),
});
export const discreteSchema = z.strictObject({
  dist: z.literal("discrete"),
  values: z.array(finite).min(1),
  weights: z.array(finite.nonnegative()).optional().describe("relative weights; equal when omitted"),
});
export const empiricalSchema = z
  .strictObject({ dist: z.literal("empirical"), values: z.array(finite).min(1) })
  .describe("resamples the observed values with equal weight");

export const distributionSchema = z.discriminatedUnion("dist", [
  fixedSchema,
  uniformSchema,
  normalSchema,
  lognormalSchema,
  triangularSchema,
  pertSchema,
  betaSchema,
  discreteSchema,
  empiricalSchema,
]);
export type DistributionSpec = z.output<typeof distributionSchema>;

const correlationPairSchema = z.strictObject({
  between: z.tuple([z.string().min(1), z.string().min(1)]).describe("two uncertain paths"),
  rankCorrelation: finite.min(-1).max(1).describe("target Spearman rank correlation"),
});
const correlationMatrixSchema = z.strictObject({
  inputs: z.array(z.string().min(1)).min(2),
  rankMatrix: z.array(z.array(finite.min(-1).max(1))).describe("symmetric Spearman rank-correlation matrix, unit diagonal"),
});
export const correlationsSchema = z.union([z.array(correlationPairSchema), correlationMatrixSchema]);
export type CorrelationsSpec = z.output<typeof correlationsSchema>;


export const demandSchema = z.strictObject({
  startMonth: month.optional()
    .describe("first month of the demand paths; default: January of the program's currency base year"),
  endYear: yearInt.optional().describe("last year of the demand paths; default: last capital-plan year + 4"),
  initialItMw: between(0.1, 1e6).optional().describe("IT MW of compute demand at the start; default: plan capacity online then"),
  growthFractionPerYear: z.union([between(-0.9, 5), distributionSchema]).describe("expected demand growth per year, drawn once per path"),
  volatilityFractionPerYear: finite.min(0).max(2).default(0).describe("standard deviation of the yearly log-growth shock"),
});
export type DemandSpec = z.output<typeof demandSchema>;

export const strategySettingsSchema = z.strictObject({
  shortfallCostUsdPerMwMonth: between(0, 1e9).optional().describe("cost of one MW of missing IT capacity for a month"),
  idleCostUsdPerMwMonth: between(0, 1e9).optional().describe("cost of one MW of unused IT capacity for a month"),
  justInTimeLeadTimeMonths: z.number().int().min(1).max(240).optional().describe("default: MW-weighted construction months"),
  stagedGateFraction: finite.positive().max(2).optional()
    .describe("staged: release the next phase once demand reaches this fraction of committed capacity"),
  targetYear: yearInt.optional().describe("year whose end-of-year demand the newsvendor curve uses"),
  powerDelayMonths: distributionSchema
    .optional()
    .describe("time-to-power risk: months of delay drawn once per demand path (rounded, at least 0) that every strategy faces: phases not yet online come online later, just-in-time orders take longer"),
});
export type StrategySettings = z.output<typeof strategySettingsSchema>;

/** Keys of the `uncertain` block that are settings, not scenario paths. */
export const RESERVED_KEYS = ["correlations", "demand", "strategies", "targetYear"] as const;

export const uncertainSchema = z
  .object({
    correlations: correlationsSchema.optional(),
    demand: demandSchema.optional(),
    strategies: strategySettingsSchema.optional(),
    targetYear: yearInt.optional().describe("year for the 'by year' outputs (IT MW, energy); default: last capital-plan year"),
  })
  .catchall(distributionSchema)
  .describe("distributions keyed by scenario path, e.g. \"sites[0].phases[1].itPowerMw\" or \"economics.revenueUsdPerMwItYear\"");
export type UncertainSpec = z.output<typeof uncertainSchema>;
