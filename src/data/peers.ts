/** zod schema of data/peers/peers.json: hyperscaler revenue, operating cash flow, capex and capex guidance (USD). */
import { z } from "zod";

const yearKey = z.string().regex(/^\d{4}$/, "expected a 4-digit fiscal year key");
const quarterKey = z.string().regex(/^\d{4}Q[1-4]$/, "expected a fiscal quarter key such as 2026Q1");
const usd = z.number().finite();
const nonNegativeUsd = z.number().finite().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

export const GuidanceSchema = z
  .object({ date: isoDate, lowUsd: nonNegativeUsd, highUsd: nonNegativeUsd })
  .strict()
  .refine((g) => g.lowUsd <= g.highUsd, { message: "guidance lowUsd must be <= highUsd" });

const byQuarter = (v: z.ZodNumber) => z.record(quarterKey, v).optional();

export const PeerCompanySchema = z
  .object({
    name: z.string().min(1),
    /** calendar month (1-12) in which the fiscal year ends: Microsoft 6 (June), Oracle 5 (May), others 12 */
    fiscalYearEndMonth: z.number().int().min(1).max(12),
    capexDefinition: z.string().min(1),
    revenueUsdByFiscalYear: z.record(yearKey, nonNegativeUsd),
    operatingCashFlowUsdByFiscalYear: z.record(yearKey, usd),
    capexUsdByFiscalYear: z.record(yearKey, nonNegativeUsd),
    capexInclFinanceLeasesUsdByFiscalYear: z.record(yearKey, nonNegativeUsd).optional(),
    quarterly: z
      .object({
        revenueUsd: byQuarter(z.number().finite().nonnegative()),
        operatingIncomeUsd: byQuarter(z.number().finite()),
        netIncomeUsd: byQuarter(z.number().finite()),
        oneTimeTaxChargeUsd: byQuarter(z.number().finite()),
        capexUsd: byQuarter(z.number().finite().nonnegative()),
        capexInclFinanceLeasesUsd: byQuarter(z.number().finite().nonnegative()),
        capexInclFinanceLeasesYoyGrowthFraction: byQuarter(z.number().finite()),
      })
      .strict()
      .optional(),
    capexGuidanceUsdByFiscalYear: z.record(yearKey, z.array(GuidanceSchema).min(1)).optional(),
  })
  .strict();

export const PeersFileSchema = z.object({ companies: z.record(z.string().regex(/^[A-Z]{1,6}$/), PeerCompanySchema) }).strict();

export type PeerCompany = z.infer<typeof PeerCompanySchema>;
export type PeersFile = z.infer<typeof PeersFileSchema>;
export type Guidance = z.infer<typeof GuidanceSchema>;
