/** Schema of data/strategy.json: default costs of idle and missing capacity for `gigaplan compare`. */
import { z } from "zod";

export const StrategyDataSchema = z
  .object({
    idleCostUsdPerMwItYear: z.number().finite().nonnegative(),
    fallbackShortfallCostUsdPerMwItYear: z.number().finite().nonnegative(),
    strategicPenaltyFractionOfRevenue: z.number().finite().min(0),
    stagedGateFraction: z.number().finite().positive(),
  })
  .strict();

export type StrategyData = z.infer<typeof StrategyDataSchema>;
