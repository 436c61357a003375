/**
 * The OpenAPI 3.1 document of the HTTP API (/api/openapi.json), generated from the zod schemas the server
 * validates with (schemas.ts) and from the scenario's own zod schema (via scenarioJsonSchema), so the
 * document and the checks cannot drift apart. JSON Schema dialect: 2020-12 (OpenAPI 3.1's default).
 */
import { z } from "zod";
import { scenarioJsonSchema } from "../index.ts";
import type { ServerLimits } from "./limits.ts";
import {
  diagnosticSchema,
  errorResponseSchema,
  healthSchema,
  optimizePowerRequestSchema,
  optimizePowerResponseSchema,
  runCreatedSchema,
  runDetailSchema,
  runListItemSchema,
  runListSchema,
  runResultSchema,
  scenarioWrapperSchema,
  simulationAcceptedSchema,
  simulationJobSchema,
  simulationRequestSchema,
} from "./schemas.ts";

type Json = Record<string, unknown>;

/** A zod schema as a component: JSON Schema without its own `$schema` (the document sets the dialect). */
function component(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { "application/json": { schema } } });
const errors = (...codes: number[]): Json => {
  const text: Record<number, string> = {
    400: "bad request: every problem, as `{ diagnostics }`",
    401: "missing or wrong bearer token (when the server runs with --token)",
    404: "no such run or job",
    413: "request body larger than the server's limit",
    415: "unsupported content type",
    429: "all job (or run) slots are busy; retry later (Retry-After)",
    503: "the solve ran past the server's time limit",
  };
  return Object.fromEntries([...codes, 500].map((c) => [String(c), json(ref("Error"), text[c] ?? "internal error (generic message; details only in the server log)")]));
};
const idParam = (description: string, type: "integer" | "string"): Json => ({ name: "id", in: "path", required: true, description, schema: { type } });
const tableParam: Json = { name: "table", in: "query", required: false, description: "result table (default yearly)", schema: { type: "string", default: "yearly" } };

export function openApiDocument(o: { limits: ServerLimits; version: string }): Json {
  const scenario = { ...(scenarioJsonSchema() as Json) };
  delete scenario.$schema;
  const schemas: Json = {
    Scenario: scenario,
    ScenarioWrapper: component(scenarioWrapperSchema, "input"),
    Diagnostic: component(diagnosticSchema, "output"),
    Error: component(errorResponseSchema, "output"),
    RunResult: component(runResultSchema, "output"),
    RunCreated: component(runCreatedSchema, "output"),
    RunListItem: component(runListItemSchema, "output"),
    RunList: component(runListSchema(o.limits), "output"),
    RunDetail: component(runDetailSchema, "output"),
    SimulationRequest: component(simulationRequestSchema(o.limits), "input"),
    SimulationAccepted: component(simulationAcceptedSchema, "output"),
    SimulationJob: component(simulationJobSchema, "output"),
    OptimizePowerRequest: component(optimizePowerRequestSchema, "input"),
    OptimizePowerResponse: component(optimizePowerResponseSchema, "output"),
    Health: component(healthSchema, "output"),
  };
  const binary = (type: string, description: string): Json => ({ description, content: { [type]: { schema: { type: "string", contentMediaType: type } } } });
  const paths: Json = {
    "/api/health": { get: { summary: "server status", responses: { "200": json(ref("Health"), "ok"), ...errors() } } },
    "/api/runs": {
      post: {
        summary: "run a scenario and store it",
        description:
          `Body: the scenario as JSON (application/json: the scenario object, or \`{ scenario: "...YAML or JSON text..." }\`) or as YAML (application/yaml, text/yaml). Every successful run is written to the run store. At most ${o.limits.maxConcurrentRuns} runs compute at once (more: 429).`,
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { oneOf: [ref("Scenario"), ref("ScenarioWrapper")] } },
            "application/yaml": { schema: { type: "string", description: "scenario as YAML" } },
          },
        },
        responses: { "201": json(ref("RunCreated"), "the stored run's id and its result"), ...errors(400, 401, 413, 415, 429) },
      },
      get: {
        summary: "stored runs, newest first",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: o.limits.maxPageSize, default: 50 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
        ],
        responses: { "200": json(ref("RunList"), "one page of runs"), ...errors(400, 401) },
      },
    },
    "/api/runs/{id}": { get: { summary: "a stored run: scenario text, identity and result", parameters: [idParam("run id", "integer")], responses: { "200": json(ref("RunDetail"), "the run"), ...errors(401, 404) } } },
    "/api/runs/{id}/export.csv": {
      get: { summary: "one result table as CSV", parameters: [idParam("run id", "integer"), tableParam], responses: { "200": binary("text/csv", "CSV with a header row"), ...errors(400, 401, 404) } },
    },
    "/api/runs/{id}/export.xlsx": {
      get: {
        summary: "every result table as an Excel workbook (one sheet per table, units in the headers, an About sheet)",
        parameters: [idParam("run id", "integer")],
        responses: { "200": binary("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "the workbook"), ...errors(400, 401, 404) },
      },
    },
    "/api/runs/{id}/export.parquet": {
      get: { summary: "one result table as Parquet", parameters: [idParam("run id", "integer"), tableParam], responses: { "200": binary("application/vnd.apache.parquet", "Parquet file"), ...errors(400, 401, 404) } },
    },
    "/api/simulations": {
      post: {
        summary: "start a Monte Carlo simulation job",
        description: `At most ${o.limits.maxIterations} iterations; stopped after ${o.limits.simulationTimeLimitSeconds} s; at most ${o.limits.maxConcurrentJobs} jobs (simulations and optimize-power) run at once. The finished report is written to the run store.`,
        requestBody: { required: true, content: { "application/json": { schema: ref("SimulationRequest") } } },
        responses: { "202": json(ref("SimulationAccepted"), "the job started"), ...errors(400, 401, 404, 413, 415, 429) },
      },
    },
    "/api/simulations/{id}": {
      get: { summary: "a job's status, progress and (when done) report", parameters: [idParam("job id", "string")], responses: { "200": json(ref("SimulationJob"), "the job"), ...errors(401, 404) } },
      delete: { summary: "cancel a running job (a finished one is forgotten)", parameters: [idParam("job id", "string")], responses: { "200": json(ref("SimulationJob"), "the job"), ...errors(401, 404) } },
    },
    "/api/simulations/{id}/events": {
      get: {
        summary: "server-sent events of a job",
        description: "`progress` events (data `{done, total}`, at most ten a second), then one `end` event (data `{status, runId}`); the stream then closes.",
        parameters: [idParam("job id", "string")],
        responses: { "200": { description: "event stream", content: { "text/event-stream": { schema: { type: "string" } } } }, ...errors(401, 404) },
      },
    },
    "/api/simulations/{id}/samples.parquet": {
      get: {
        summary: "the raw samples of a finished job (the newest jobs only) as Parquet, as `gigaplan simulate --out`",
        parameters: [idParam("job id", "string")],
        responses: { "200": binary("application/vnd.apache.parquet", "samples"), "410": json(ref("Error"), "samples no longer kept"), ...errors(401, 404) },
      },
    },
    "/api/optimize-power": {
      post: {
        summary: "LP sizing of one site's power portfolio for a clean-energy target",
        description: `Runs in a worker thread, stopped after ${o.limits.optimizeTimeLimitSeconds} s (use representativeWeeks or hoursPerStep for fast approximate solves). Uses one job slot.`,
        requestBody: { required: true, content: { "application/json": { schema: ref("OptimizePowerRequest") } } },
        responses: { "200": json(ref("OptimizePowerResponse"), "the sizing report"), ...errors(400, 401, 404, 413, 415, 429, 503) },
      },
    },
    "/api/claims": {
      get: {
        summary: "judge the reference article's numeric claims against data/ and a model run",
        parameters: [
          { name: "scenario", in: "query", description: "id of a stored run whose scenario is used (default: the Meta scenario)", schema: { type: "integer" } },
          { name: "claim", in: "query", description: "only these claims (repeatable), e.g. C12", schema: { type: "array", items: { type: "string" } }, style: "form", explode: true },
        ],
        responses: { "200": json({ type: "object", description: "as `gigaplan check-claims --format json`" }, "the claim report"), ...errors(400, 401, 404) },
      },
    },
    "/api/sources": {
      post: {
        summary: "where every number of a run of the scenario comes from",
        description:
          "Body: a scenario, as for POST /api/runs (not stored). The answer is `gigaplan sources --format json`: every reference number with its source, every scenario number with the comment that sources it, the inputs that matter most (tornado of the `uncertain` block) and each site's weather and grid data (local or proxy).",
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { oneOf: [ref("Scenario"), ref("ScenarioWrapper")] } },
            "application/yaml": { schema: { type: "string", description: "scenario as YAML" } },
          },
        },
        responses: { "200": json({ type: "object", description: "as `gigaplan sources --format json` (schemas/sources.schema.json)" }, "the sources report"), ...errors(400, 401, 413, 415, 429) },
      },
    },
    "/api/peers": { get: { summary: "hyperscaler capex against revenue and operating cash flow", responses: { "200": json({ type: "object", description: "as `gigaplan peers --format json`" }, "the peers report"), ...errors(401) } } },
    "/api/schema": { get: { summary: "the scenario JSON Schema", responses: { "200": json(ref("Scenario"), "JSON Schema 2020-12"), ...errors(401) } } },
    "/api/openapi.json": { get: { summary: "this document", responses: { "200": json({ type: "object" }, "OpenAPI 3.1") } } },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "gigaplan HTTP API",
      version: o.version,
      description:
        "Planner and simulator for gigawatt-scale AI-infrastructure programs. Errors come back as `{ diagnostics: [{ path, severity, message }] }`, as the command line lists them.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/" }],
    components: { schemas, securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "required on every /api route when the server runs with --token" } } },
    security: [{}, { bearer: [] }],
    paths,
  };
}
