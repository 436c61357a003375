/**
 * Jobs: POST /api/simulations (202, then progress as server-sent events, cancel with DELETE, the report at
 * GET /api/simulations/:id and in the run store), and POST /api/optimize-power (answered when the solve ends;
 * it runs in a worker thread). Both take one of the server's job slots: none free → 429.
 */
import type { Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { type Diagnostic, RESULT_SCHEMA_VERSION, hasErrors, prepareSimulation, withPowerProfiles } from "../index.ts";
import { encodeParquet } from "../io/samples-file.ts";
import type { ServerContext } from "./context.ts";
import type { JobEvent, SimulationJob } from "./jobs.ts";
import { ClientGoneError, TimeLimitError, runOptimize } from "./optimize-runner.ts";
import { badRequest, diagnosticsResponse, notFound, parseJsonBody, problem, zodDiagnostics } from "./respond.ts";
import { unsupportedType } from "./routes-runs.ts";
import { bodyKindOf, programName, scenarioFromRequest } from "./scenario-body.ts";
import { optimizePowerRequestSchema, simulationRequestSchema } from "./schemas.ts";

/** The API names its options as the request fields, not as the CLI flags. */
const OPTION_FIELDS: Record<string, string> = { "--iterations": "iterations", "--seed": "seed", "--method": "method" };
const asFields = (ds: readonly Diagnostic[]): Diagnostic[] => ds.map((d) => (OPTION_FIELDS[d.path] ? { ...d, path: OPTION_FIELDS[d.path] } : d));

const busy = (c: Context, ctx: ServerContext): Response => {
  c.header("Retry-After", "5");
  return diagnosticsResponse(c, 429, [problem("(server)", `all ${ctx.limits.maxConcurrentJobs} job slots are busy (simulations and optimize-power); retry later`)]);
};

/** A JSON body checked with a zod schema: the value, or the error response. */
async function jsonBody<T>(c: Context, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import("zod").ZodError } }): Promise<T | Response> {
  if (bodyKindOf(c.req.header("content-type")) !== "json") return unsupportedType(c, "application/json");
  const parsed = parseJsonBody(await c.req.text());
  if (parsed.value === undefined) return badRequest(c, parsed.diagnostics);
  const checked = schema.safeParse(parsed.value);
  return checked.success ? checked.data : badRequest(c, zodDiagnostics(checked.error));
}

function snapshot(job: SimulationJob) {
  return {
    id: job.id,
    status: job.status,
    progress: { done: job.done, total: job.total },
    created: job.created,
    finished: job.finished,
    runId: job.runId,
    ...(job.report ? { report: job.report } : {}),
    diagnostics: job.diagnostics,
  };
}

export function registerJobRoutes(app: Hono, ctx: ServerContext): void {
  app.post("/api/simulations", async (c) => {
    const req = await jsonBody(c, simulationRequestSchema(ctx.limits));
    if (req instanceof Response) return req;
    const from = scenarioFromRequest(req, ctx.store);
    if (!from.source) return from.notFound ? diagnosticsResponse(c, 404, from.diagnostics) : badRequest(c, from.diagnostics);
    const source = from.source;
    const options = { iterations: req.iterations, seed: req.seed, method: req.method };
    const planned = prepareSimulation(source.doc, options);
    if (!planned.value || hasErrors(planned.diagnostics)) return badRequest(c, asFields(planned.diagnostics));
    // a slot first, so a busy server reads no files for a request it refuses
    if (!ctx.slots.tryAcquire()) return busy(c, ctx);
    // each iteration dispatches the sites' hourly power on the weather and grid files a run of this scenario reads
    const prepared = await withPowerProfiles(planned.value, ctx.files);
    const diagnostics = asFields([...planned.diagnostics, ...prepared.diagnostics]);
    if (!prepared.value || hasErrors(diagnostics)) {
      ctx.slots.release();
      return badRequest(c, diagnostics);
    }
    const job = ctx.jobs.start(prepared.value, diagnostics, (report) =>
      ctx.store.add({
        kind: "simulation",
        name: programName(source.text),
        scenarioText: source.text,
        scenarioFormat: source.format,
        seed: options.seed,
        options,
        result: report,
        resultSchemaVersion: RESULT_SCHEMA_VERSION,
      }).id,
    );
    c.header("Location", `/api/simulations/${job.id}`);
    return c.json({ id: job.id, status: job.status, events: `/api/simulations/${job.id}/events`, result: `/api/simulations/${job.id}` }, 202);
  });

  const jobOf = (c: Context): SimulationJob | Response => ctx.jobs.get(c.req.param("id") ?? "") ?? notFound(c, "id", `no simulation job ${c.req.param("id")} (finished jobs are kept for a while; their reports stay in the run store)`);

  app.get("/api/simulations/:id", (c) => {
    const job = jobOf(c);
    return job instanceof Response ? job : c.json(snapshot(job));
  });

  app.delete("/api/simulations/:id", (c) => {
    const job = ctx.jobs.cancel(c.req.param("id"));
    return job ? c.json(snapshot(job)) : notFound(c, "id", `no simulation job ${c.req.param("id")}`);
  });

  app.get("/api/simulations/:id/samples.parquet", (c) => {
    const job = jobOf(c);
    if (job instanceof Response) return job;
    if (job.status !== "done") return diagnosticsResponse(c, 409, [problem("id", `job ${job.id} is ${job.status}: samples exist only for finished jobs`)]);
    if (!job.samples) return diagnosticsResponse(c, 410, [problem("id", `the samples of job ${job.id} are no longer kept (only the newest ${ctx.limits.retainSampleTables} jobs keep theirs)`)]);
    return c.body(new Uint8Array(encodeParquet(job.samples.table, job.samples.info)), 200, {
      "Content-Type": "application/vnd.apache.parquet",
      "Content-Disposition": `attachment; filename="gigaplan-simulation-${job.id}.parquet"`,
    });
  });

  app.get("/api/simulations/:id/events", (c) => {
    const job = jobOf(c);
    if (job instanceof Response) return job;
    return streamSSE(c, async (stream) => {
      const send = (e: JobEvent): Promise<void> =>
        stream.writeSSE({ event: e.type, data: JSON.stringify(e.type === "end" ? { status: e.status, runId: job.runId } : { done: e.done, total: e.total }) });
      await send({ type: "progress", done: job.done, total: job.total });
      if (job.status !== "running") return send({ type: "end", status: job.status });
      await new Promise<void>((resolve) => {
        const listener = (e: JobEvent): void => {
          const sent = send(e);
          if (e.type === "end") {
            job.listeners.delete(listener);
            void sent.finally(resolve);
          }
        };
        job.listeners.add(listener);
        stream.onAbort(() => {
          job.listeners.delete(listener);
          resolve();
        });
      });
    });
  });

  app.post("/api/optimize-power", async (c) => {
    const req = await jsonBody(c, optimizePowerRequestSchema);
    if (req instanceof Response) return req;
    const from = scenarioFromRequest(req, ctx.store);
    if (!from.source) return from.notFound ? diagnosticsResponse(c, 404, from.diagnostics) : badRequest(c, from.diagnostics);
    if (!ctx.slots.tryAcquire()) return busy(c, ctx);
    const { scenario: _s, runId: _r, ...options } = req;
    try {
      const answer = await runOptimize({ doc: from.source.doc, options, filesDir: ctx.filesDir }, { timeLimitSeconds: ctx.limits.optimizeTimeLimitSeconds, signal: c.req.raw.signal });
      const status = answer.ok ? 200 : answer.solverFailed ? 500 : 400;
      return c.body(status === 400 ? JSON.stringify({ diagnostics: (JSON.parse(answer.json) as { diagnostics: Diagnostic[] }).diagnostics }) : answer.json, status, {
        "Content-Type": "application/json",
      });
    } catch (e) {
      if (e instanceof TimeLimitError) {
        return diagnosticsResponse(c, 503, [problem("(server)", `the solve ran longer than the server's limit of ${e.seconds} s; use representativeWeeks or hoursPerStep for a faster approximate solve`)]);
      }
      if (e instanceof ClientGoneError) return diagnosticsResponse(c, 503, [problem("(server)", e.message)]); // nobody reads it
      throw e;
    } finally {
      ctx.slots.release();
    }
  });
}
