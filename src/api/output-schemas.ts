/**
 * JSON Schemas of every JSON output (issue 15 item 17): the contract of each command's `--format json`, written to
 * schemas/<name>.schema.json (test/output-schemas.test.ts keeps the files current and validates real outputs
 * against them with ajv). Each names its schemaVersion and the fields analysts and tools rely on; nested detail
 * that grows with new tables or claims stays open (additional properties allowed).
 */
import { z } from "zod";
import { VERDICTS } from "../claims/types.ts";

const num = z.number();
const numOrNull = z.number().nullable();
const byYear = z.record(z.string().regex(/^\d{4}$/), z.number());
const diagnostic = z.object({ path: z.string(), severity: z.enum(["error", "warning", "info"]), message: z.string() });
const table = z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.number(), z.string(), z.null()]))) });
const stats = z.looseObject({ n: num, mean: numOrNull, sd: numOrNull });
const verdict = z.enum(VERDICTS);
/** one source's figure where the sources of a claim's evidence disagree, with the verdict it would give alone */
const claimReading = z.looseObject({ label: z.string(), source: z.string(), asOf: z.string(), value: z.string(), verdict, detail: z.string(), factor: num.optional(), afterArticle: z.boolean() });
const claimPart = z.looseObject({ label: z.string(), verdict, detail: z.string(), factor: num.optional(), readings: z.array(claimReading).optional(), mixes: z.array(z.string()).optional() });
const provenance = {
  reference: z.array(z.looseObject({ file: z.string(), path: z.string(), value: num, unit: z.string(), sourced: z.boolean(), source: z.string().nullable(), url: z.string().nullable(), date: z.string().nullable() })),
  scenario: z.array(z.looseObject({ path: z.string(), value: num, unit: z.string(), status: z.enum(["cited", "assumption", "unsourced", "none"]), comment: z.string().nullable() })),
  sites: z.array(
    z.looseObject({
      site: z.string(),
      gridRegion: z.string(),
      profiles: z.array(z.looseObject({ kind: z.enum(["pv", "wind", "gridCarbon", "gridPrice"]), file: z.string().nullable(), format: z.string(), distanceKm: numOrNull, period: z.string(), local: z.boolean() })),
    }),
  ),
};

export const OUTPUT_SCHEMAS = {
  run: z
    .looseObject({
      schemaVersion: z.literal(1),
      inputs: z.looseObject({ program: z.looseObject({ name: z.string() }), phases: z.array(z.looseObject({ label: z.string(), itPowerMw: num })) }),
      summary: z.looseObject({
        scenarioName: z.string(),
        capexUsdTotal: num,
        refreshCapexUsdTotal: num,
        capexUsdByYear: byYear,
        itPowerMwByYear: byYear,
        acceleratorsByYear: byYear,
        npvUsd: numOrNull,
        irrFraction: numOrNull,
        company: z.object({ name: z.string(), fromReferenceData: z.boolean() }),
        financing: z.looseObject({ routes: z.array(z.string()) }),
        power: z.looseObject({ sites: z.array(z.string()) }),
        emissions: z.looseObject({
          operationalLocationTco2ByYear: byYear,
          operationalMarketTco2ByYear: byYear,
          embodiedTco2eByYear: byYear,
          lifecycleTco2eByYear: byYear,
          embodiedTco2eByCategoryByYear: z.record(z.string(), byYear),
        }),
        water: z.looseObject({
          onSiteDataCenterMegalitersByYear: byYear,
          onSiteGenerationMegalitersByYear: byYear,
          gridGenerationMegalitersByYear: byYear,
          gridGenerationMegalitersByFuelByYear: z.record(z.string(), byYear),
          totalMegalitersByYear: byYear,
        }),
        gridLoadShareBySite: z.record(
          z.string(),
          z.looseObject({ gridRegion: z.string(), gridServingUtility: z.string().nullable(), regionLoadShareFractionByYear: byYear, servingUtilityLoadShareFractionByYear: byYear.nullable() }),
        ),
      }),
      tables: z.record(z.string(), table),
      diagnostics: z.array(diagnostic),
      provenance: z.looseObject(provenance).optional(),
    })
    .describe("gigaplan run --format json"),
  sources: z
    .looseObject({
      schemaVersion: z.literal(1),
      ...provenance,
      topInputs: z.array(z.looseObject({ output: z.string(), base: num, inputs: z.array(z.looseObject({ input: z.string(), lowOutput: num, highOutput: num, swing: num })) })),
    })
    .describe("gigaplan sources --format json"),
  simulate: z
    .looseObject({
      schemaVersion: z.literal(1),
      iterations: num,
      seed: num,
      method: z.enum(["mc", "lhs", "sobol"]),
      sampleRange: z.object({ start: num, end: num }),
      failedSamples: num,
      targetYear: num,
      inputs: z.array(z.looseObject({ path: z.string(), stats })),
      outputs: z.record(z.string(), stats),
      risk: z.looseObject({}),
      sensitivity: z.looseObject({ spearman: z.record(z.string(), z.record(z.string(), num)) }),
    })
    .describe("gigaplan simulate|merge --format json"),
  compare: z
    .looseObject({
      schemaVersion: z.literal(1),
      paths: num,
      seed: num,
      method: z.enum(["mc", "lhs", "sobol"]),
      strategies: z.array(z.looseObject({ name: z.string() })),
      newsvendor: z.looseObject({ plan: z.looseObject({ capacityMw: num, demandQuantile: num, impliedRatio: num, impliedRatioIsLowerBound: z.boolean() }) }),
    })
    .describe("gigaplan compare --format json"),
  "check-claims": z
    .looseObject({
      schemaVersion: z.literal(1),
      counts: z.record(verdict, num),
      judgments: z.array(
        z.looseObject({
          id: z.string().regex(/^C\d{2}$/),
          claim: z.string(),
          verdict,
          detail: z.string(),
          parts: z.array(claimPart),
          /** the scopes or time frames the claim mixes */
          mixes: z.array(z.string()).optional(),
        }),
      ),
      diagnostics: z.array(diagnostic),
    })
    .describe("gigaplan check-claims --format json"),
  peers: z
    .looseObject({
      schemaVersion: z.literal(2),
      data: z.string(),
      sources: z.string(),
      years: z.array(
        z.looseObject({
          ticker: z.string(),
          company: z.string(),
          fiscalYear: num,
          period: z.string(),
          revenueUsd: numOrNull,
          operatingCashFlowUsd: numOrNull,
          reportedCapexUsd: numOrNull.describe("capex as the company reports it (capexDefinitions.reported)"),
          capexExclFinanceLeasesUsd: numOrNull.describe("capexDefinitions.exclFinanceLeases"),
          financeLeasePrincipalRepaymentsUsd: numOrNull,
          capexInclFinanceLeasesUsd: numOrNull.describe("capexDefinitions.inclFinanceLeases: excl. plus finance-lease principal repayments"),
          financeLeaseStatus: z.enum(["reported", "none", "not-separately-reported"]).nullable().describe("none: no finance leases, both definitions equal"),
          financeLeaseAdditionsUsd: numOrNull.describe("assets acquired under finance leases (non-cash), in neither definition"),
          exclFinanceLeases: z.looseObject({ capexToRevenueFraction: numOrNull, capexToOperatingCashFlowFraction: numOrNull, capexGrowthFraction: numOrNull }),
          inclFinanceLeases: z.looseObject({ capexToRevenueFraction: numOrNull, capexToOperatingCashFlowFraction: numOrNull, capexGrowthFraction: numOrNull }),
        }),
      ),
      guidance: z.array(z.looseObject({ ticker: z.string(), fiscalYear: num, date: z.string(), lowUsd: num, highUsd: num })),
      calendarCapex: z.array(z.looseObject({ ticker: z.string(), calendarYear: num, capexUsd: numOrNull, definition: z.string(), method: z.string() })),
      capexDefinitions: z.looseObject({
        exclFinanceLeases: z.string(),
        inclFinanceLeases: z.string(),
        reported: z.record(z.string(), z.string()),
        financeLeases: z.record(z.string(), z.string()),
      }),
    })
    .describe("gigaplan peers --format json"),
  "optimize-program": z
    .looseObject({
      schemaVersion: z.literal(1),
      year: num,
      resolutionHours: num,
      target: z.looseObject({ kind: z.string(), levelFraction: numOrNull }),
      sites: z.array(
        z.looseObject({
          site: z.string(),
          loadMwh: num,
          servedLoadMwh: num,
          movedInMwh: num,
          movedOutMwh: num,
          costUsdPerMwhServed: numOrNull,
          netMovedMwhByHourOfDay: z.array(num).length(24),
          netMovedMwhByMonth: z.array(num).length(12),
          capacities: z.record(z.string(), num),
          apart: z.looseObject({ costUsd: num, costUsdPerMwhServed: numOrNull }),
        }),
      ),
      program: z.looseObject({ loadMwh: num, objectiveUsd: num, objectiveApartUsd: num, spatialValueUsd: num, spatialValueUsdPerMwh: num, movedMwh: num }),
      diagnostics: z.array(diagnostic),
    })
    .describe("gigaplan optimize-power --sites all --format json"),
  "optimize-stochastic": z
    .looseObject({
      schemaVersion: z.literal(1),
      site: z.string(),
      year: num,
      resolutionHours: num,
      seed: num,
      inputs: z.array(z.string()),
      stochastic: z.looseObject({
        samples: num,
        sampleRange: z.object({ start: num, end: num }),
        perSample: z.array(z.looseObject({ sample: num, status: z.string(), objectiveUsd: num })),
        robust: z.looseObject({ expectedCostUsd: num, capacities: z.record(z.string(), num).nullable() }).nullable(),
        vssUsd: numOrNull,
        evpiUsd: numOrNull,
      }),
      diagnostics: z.array(diagnostic),
    })
    .describe("gigaplan optimize-power --site NAME --samples N --format json"),
  "optimize-power": z
    .looseObject({
      schemaVersion: z.literal(1),
      site: z.string(),
      year: num,
      status: z.string(),
      capacities: z.looseObject({}),
      optimum: z.looseObject({ cost: z.looseObject({ totalUsd: num }) }).nullable(),
      diagnostics: z.array(diagnostic),
    })
    .describe("gigaplan optimize-power --format json"),
  sweep: z
    .looseObject({
      schemaVersion: z.literal(1),
      parameters: z.array(z.string()),
      outputs: z.array(z.string()),
      cases: z.array(z.object({ values: z.record(z.string(), num), outputs: z.record(z.string(), numOrNull).nullable(), diagnostics: z.array(diagnostic) })),
    })
    .describe("gigaplan sweep --format json"),
  diff: z
    .looseObject({
      schemaVersion: z.literal(1),
      inputs: z.array(z.object({ path: z.string(), a: z.unknown(), b: z.unknown() })),
      outputs: z.array(z.object({ output: z.string(), a: numOrNull, b: numOrNull, change: numOrNull, relativeChange: numOrNull })),
    })
    .describe("gigaplan diff --format json"),
} as const;

export type OutputName = keyof typeof OUTPUT_SCHEMAS;

/** The JSON Schema (draft 2020-12) of one output. */
export function outputJsonSchema(name: OutputName): unknown {
  return z.toJSONSchema(OUTPUT_SCHEMAS[name], { io: "output" });
}
