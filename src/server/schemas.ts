/**
 * zod schemas of the HTTP API's request bodies and responses: requests are validated with them, and the
 * OpenAPI document (openapi.ts) is generated from them with z.toJSONSchema. Limits (iteration cap, page size)
 * come from the server's configuration, so the document states the caps the server enforces.
 */
import { z } from "zod";
import { SAMPLING_METHODS } from "../index.ts";
import type { ServerLimits } from "./limits.ts";

export const diagnosticSchema = z.object({
  path: z.string().describe('the field or option, e.g. "sites[1].phases[0].itPowerMw"'),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
});

export const errorResponseSchema = z.object({ diagnostics: z.array(diagnosticSchema) }).describe("every problem with the request, as the CLI lists them");

const scenarioValue = z.union([
  z.string().min(1).describe("scenario as YAML or JSON text"),
  z.record(z.string(), z.unknown()).describe("scenario as an object (see /api/schema)"),
]);

/** POST /api/runs with application/json: either the scenario object itself or this wrapper. */
export const scenarioWrapperSchema = z.object({ scenario: scenarioValue }).strict();

/** A scenario given inline or as the id of a stored run (its scenario text is used). */
const scenarioSource = {
  scenario: scenarioValue.optional(),
  runId: z.number().int().positive().optional().describe("use the scenario of this stored run"),
};
const oneScenario = <T extends { scenario?: unknown; runId?: unknown }>(o: T): boolean => (o.scenario === undefined) !== (o.runId === undefined);
const ONE_SCENARIO = { message: "give exactly one of scenario or runId", path: ["scenario"] };

export const simulationRequestSchema = (limits: ServerLimits) =>
  z
    .object({
      ...scenarioSource,
      iterations: z.number().int().min(1).max(limits.maxIterations).default(1000).describe(`samples (at most ${limits.maxIterations})`),
      seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
      method: z.enum(SAMPLING_METHODS).default("mc").describe("Monte Carlo, Latin hypercube or Sobol (quasi-random)"),
    })
    .strict()
    .refine(oneScenario, ONE_SCENARIO);
export type SimulationRequest = z.infer<ReturnType<typeof simulationRequestSchema>>;

export const optimizePowerRequestSchema = z
  .object({
    ...scenarioSource,
    site: z.string().min(1).describe("name of the site whose power portfolio is sized"),
    year: z.number().int().optional().describe("year whose load is served (default: the first year at full load)"),
    target: z.enum(["annual-match", "cfe-247"]).optional(),
    levelFraction: z.number().min(0).max(1).optional(),
    carbonPriceUsdPerTco2: z.number().min(0).optional(),
    hoursPerStep: z.number().int().min(1).max(24).optional().describe("hours per time step (1 = hourly)"),
    representativeWeeks: z.number().int().min(1).max(52).optional(),
    hourly: z.boolean().optional().describe("include the per-step dispatch of the optimum"),
  })
  .strict()
  .refine(oneScenario, ONE_SCENARIO);
export type OptimizePowerRequest = z.infer<typeof optimizePowerRequestSchema>;

export const tableSchema = z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.number(), z.string(), z.null()]))) });

export const runResultSchema = z
  .looseObject({
    schemaVersion: z.number().int(),
    summary: z.record(z.string(), z.unknown()),
    tables: z.record(z.string(), tableSchema),
    diagnostics: z.array(diagnosticSchema),
  })
  .describe("the JSON output contract of `gigaplan run --format json` (README)");

export const runCreatedSchema = z.object({ id: z.number().int(), result: runResultSchema });

export const runListItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(["run", "simulation"]),
  name: z.string(),
  hash: z.string().describe("SHA-256 of the scenario text, hex"),
  created: z.string().describe("ISO 8601 time (UTC)"),
  version: z.string().describe("gigaplan version that produced the result"),
  dataVintage: z.string().describe("latest retrieval date of the reference data"),
  seed: z.number().int().nullable(),
  resultBytes: z.number().int(),
});

export const runListSchema = (limits: ServerLimits) =>
  z.object({
    runs: z.array(runListItemSchema),
    total: z.number().int(),
    limit: z.number().int().max(limits.maxPageSize),
    offset: z.number().int(),
  });

export const runDetailSchema = runListItemSchema.extend({
  scenario: z.string().describe("the scenario text as posted"),
  scenarioFormat: z.enum(["yaml", "json"]),
  options: z.unknown().describe("simulation options (iterations, seed, method); null for runs"),
  result: z.unknown().describe("a run's result (the JSON output contract) or a simulation's report"),
});

export const JOB_STATUSES = ["running", "done", "failed", "cancelled", "timed-out"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const simulationJobSchema = z.object({
  id: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  created: z.string(),
  finished: z.string().nullable(),
  runId: z.number().int().nullable().describe("where the report is stored, once done"),
  report: z.unknown().optional().describe("the simulation report (as `gigaplan simulate --format json`), once done"),
  diagnostics: z.array(diagnosticSchema),
});

export const simulationAcceptedSchema = z.object({
  id: z.string(),
  status: z.enum(JOB_STATUSES),
  events: z.string().describe("server-sent events: progress, then one end event"),
  result: z.string(),
});

export const optimizePowerResponseSchema = z.object({
  report: z.unknown().describe("as `gigaplan optimize-power --format json`"),
  log: z.array(z.string()),
  diagnostics: z.array(diagnosticSchema),
});

export const healthSchema = z.object({ status: z.literal("ok"), version: z.string(), dataVintage: z.string(), runningJobs: z.number().int() });

export const listQuerySchema = (limits: ServerLimits) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(limits.maxPageSize).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  });
