/**
 * zod schema of data/peers/peers.json: hyperscaler revenue, operating cash flow, capex and capex guidance (USD).
 * Capex comes on two definitions for every company (issue 12 item 14), so capex / OCF compares alike:
 * excluding finance leases (cash purchases of property and equipment) and including them (plus principal
 * repayments of finance leases); `capexUsdByFiscalYear` keeps each company's own headline definition.
 */
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

/**
 * Finance leases of one company: what capex incl. finance leases adds to capex excl. finance leases.
 * `statusByFiscalYear` marks years without a reported figure: "none" (the company had no finance leases: both
 * definitions are equal, the repayment must be 0) or "not-separately-reported" (repayments exist but sit inside
 * another line; the value is an estimate, marked unsourced in the provenance file). Other years are "reported".
 */
export const FinanceLeasesSchema = z
  .object({
    principalRepaymentsUsdByFiscalYear: z.record(yearKey, nonNegativeUsd),
    statusByFiscalYear: z.record(yearKey, z.enum(["none", "not-separately-reported"])).optional(),
    /** right-of-use assets obtained under finance leases (non-cash; in neither definition, shown for reference) */
    additionsUsdByFiscalYear: z.record(yearKey, nonNegativeUsd).optional(),
    note: z.string().min(1),
  })
  .strict()
  .superRefine((f, ctx) => {
    for (const [fy, status] of Object.entries(f.statusByFiscalYear ?? {})) {
      const v = f.principalRepaymentsUsdByFiscalYear[fy];
      if (v === undefined) ctx.addIssue({ code: "custom", path: ["statusByFiscalYear", fy], message: `status for FY${fy} without a principalRepaymentsUsdByFiscalYear.${fy} value` });
      else if (status === "none" && v !== 0) ctx.addIssue({ code: "custom", path: ["principalRepaymentsUsdByFiscalYear", fy], message: `FY${fy} has no finance leases (status "none") but repayments of ${v}` });
    }
  });

const byQuarter = (v: z.ZodNumber) => z.record(quarterKey, v).optional();

export const PeerCompanySchema = z
  .object({
    name: z.string().min(1),
    /** calendar month (1-12) in which the fiscal year ends: Microsoft 6 (June), Oracle 5 (May), others 12 */
    fiscalYearEndMonth: z.number().int().min(1).max(12),
    /** the company's own headline definition of capex, that of `capexUsdByFiscalYear` */
    capexDefinition: z.string().min(1),
    revenueUsdByFiscalYear: z.record(yearKey, nonNegativeUsd),
    operatingCashFlowUsdByFiscalYear: z.record(yearKey, usd),
    /** capex as the company reports it (`capexDefinition`); the claim checker judges stated figures against it */
    capexUsdByFiscalYear: z.record(yearKey, nonNegativeUsd),
    /** capex excl. finance leases: cash purchases of property and equipment (cash-flow statement) */
    capexExclFinanceLeasesUsdByFiscalYear: z.record(yearKey, nonNegativeUsd),
    financeLeases: FinanceLeasesSchema,
    /** Microsoft's headline "capital expenditures including finance leases" (assets acquired under finance leases) */
    capexInclFinanceLeasesUsdByFiscalYear: z.record(yearKey, nonNegativeUsd).optional(),
    quarterly: z
      .object({
        revenueUsd: byQuarter(z.number().finite().nonnegative()),
        operatingIncomeUsd: byQuarter(z.number().finite()),
        netIncomeUsd: byQuarter(z.number().finite()),
        oneTimeTaxChargeUsd: byQuarter(z.number().finite()),
        capexUsd: byQuarter(z.number().finite().nonnegative()),
        /** as Microsoft reports it: cash additions plus assets acquired under finance leases */
        capexInclFinanceLeasesUsd: byQuarter(z.number().finite().nonnegative()),
        capexInclFinanceLeasesYoyGrowthFraction: byQuarter(z.number().finite()),
      })
      .strict()
      .optional(),
    capexGuidanceUsdByFiscalYear: z.record(yearKey, z.array(GuidanceSchema).min(1)).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    // every year with capex excl. finance leases also has capex incl. them: both definitions for every company
    for (const fy of Object.keys(c.capexExclFinanceLeasesUsdByFiscalYear)) {
      if (c.financeLeases.principalRepaymentsUsdByFiscalYear[fy] === undefined)
        ctx.addIssue({ code: "custom", path: ["financeLeases", "principalRepaymentsUsdByFiscalYear", fy], message: `FY${fy} has capex excl. finance leases but no finance-lease repayments (use 0 with status "none" when there were none)` });
    }
  });

/** The two capex definitions every company is compared on, named as the output prints them. */
export const CapexDefinitionsSchema = z.object({ exclFinanceLeases: z.string().min(1), inclFinanceLeases: z.string().min(1) }).strict();

export const PeersFileSchema = z.object({ capexDefinitions: CapexDefinitionsSchema, companies: z.record(z.string().regex(/^[A-Z]{1,6}$/), PeerCompanySchema) }).strict();

export type PeerCompany = z.infer<typeof PeerCompanySchema>;
export type PeersFile = z.infer<typeof PeersFileSchema>;
export type Guidance = z.infer<typeof GuidanceSchema>;
