/** POST /api/runs, GET /api/runs, GET /api/runs/:id and the exports of a run (CSV, XLSX, Parquet). */
import type { Context, Hono } from "hono";
import { RESULT_SCHEMA_VERSION, type RunResult, hasErrors, run, sources } from "../index.ts";
import { tableToCsv } from "../io/write-output.ts";
import { tableToParquet } from "../io/run-parquet.ts";
import { runToXlsx } from "../io/xlsx.ts";
import type { RunMeta, StoredRun } from "../store/index.ts";
import type { ServerContext } from "./context.ts";
import { badRequest, diagnosticsResponse, notFound, problem, zodDiagnostics } from "./respond.ts";
import { type ScenarioSource, bodyKindOf, scenarioFromRunBody } from "./scenario-body.ts";
import { listQuerySchema } from "./schemas.ts";

/** A run id from the URL (positive integer), or null. */
export const runIdOf = (s: string): number | null => (/^[1-9]\d{0,14}$/.test(s) ? Number(s) : null);

const listItem = (m: RunMeta) => ({
  id: m.id,
  kind: m.kind,
  name: m.name,
  hash: m.scenarioSha256,
  created: m.createdAt,
  version: m.gigaplanVersion,
  dataVintage: m.dataVintage,
  seed: m.seed,
  resultBytes: m.resultBytes,
});

export const unsupportedType = (c: Context, accepted: string): Response =>
  diagnosticsResponse(c, 415, [problem("Content-Type", `must be ${accepted} (got "${c.req.header("content-type") ?? "none"}")`)]);

/** The stored run of `:id`, or the 404 response; exports need a run (not a simulation). */
function storedRun(c: Context, ctx: ServerContext): StoredRun | Response {
  const id = runIdOf(c.req.param("id") ?? "");
  const stored = id === null ? null : ctx.store.get(id);
  return stored ?? notFound(c, "id", `no stored run ${c.req.param("id")}`);
}

function exportable(c: Context, ctx: ServerContext, withTable: boolean): { stored: StoredRun; result: RunResult; table: string } | Response {
  const stored = storedRun(c, ctx);
  if (stored instanceof Response) return stored;
  if (stored.kind !== "run") return badRequest(c, [problem("id", `run ${stored.id} is a simulation; exports are of model runs (its samples: POST /api/simulations)`)]);
  const result = stored.result as RunResult;
  const table = c.req.query("table") ?? "yearly";
  if (withTable && !result.tables[table]) return badRequest(c, [problem("table", `unknown table "${table}" (tables: ${Object.keys(result.tables).join(", ")})`)]);
  return { stored, result, table };
}

const attachment = (name: string): string => `attachment; filename="${name}"`;

/**
 * The scenario a POST body holds, computed while holding one of the run slots: 415 for another content type, 400 for
 * a body that is not a scenario, 429 (with Retry-After) when every slot is busy; the slot is freed however it ends.
 */
async function computeInRunSlot<T>(c: Context, ctx: ServerContext, compute: (source: ScenarioSource) => Promise<T>): Promise<{ source: ScenarioSource; value: T } | Response> {
  const kind = bodyKindOf(c.req.header("content-type"));
  if (!kind) return unsupportedType(c, "application/json or application/yaml");
  const body = scenarioFromRunBody(await c.req.text(), kind);
  if (!body.source) return badRequest(c, body.diagnostics);
  if (!ctx.runSlots.tryAcquire()) {
    c.header("Retry-After", "2");
    return diagnosticsResponse(c, 429, [problem("(server)", `all ${ctx.limits.maxConcurrentRuns} run slots are busy; retry later`)]);
  }
  try {
    return { source: body.source, value: await compute(body.source) };
  } finally {
    ctx.runSlots.release();
  }
}

export function registerRunRoutes(app: Hono, ctx: ServerContext): void {
  app.post("/api/runs", async (c) => {
    const out = await computeInRunSlot(c, ctx, (source) => run(source.doc, { files: ctx.files }));
    if (out instanceof Response) return out;
    const { source, value: { result, diagnostics } } = out;
    if (!result || hasErrors(diagnostics)) return badRequest(c, diagnostics);
    const meta = ctx.store.add({
      kind: "run",
      name: result.summary.scenarioName,
      scenarioText: source.text,
      scenarioFormat: source.format,
      result,
      resultSchemaVersion: RESULT_SCHEMA_VERSION,
    });
    c.header("Location", `/api/runs/${meta.id}`);
    return c.json({ id: meta.id, result }, 201);
  });

  app.post("/api/sources", async (c) => {
    const out = await computeInRunSlot(c, ctx, (source) => sources(source.doc, { files: ctx.files }));
    if (out instanceof Response) return out;
    const r = out.value;
    if (!r.value || hasErrors(r.diagnostics)) return badRequest(c, r.diagnostics);
    return c.json(r.value);
  });

  app.get("/api/runs", (c) => {
    const q = listQuerySchema(ctx.limits).safeParse(c.req.query());
    if (!q.success) return badRequest(c, zodDiagnostics(q.error));
    const page = ctx.store.list(q.data);
    return c.json({ runs: page.runs.map(listItem), total: page.total, limit: q.data.limit, offset: q.data.offset });
  });

  app.get("/api/runs/:id", (c) => {
    const stored = storedRun(c, ctx);
    if (stored instanceof Response) return stored;
    return c.json({ ...listItem(stored), scenario: stored.scenarioText, scenarioFormat: stored.scenarioFormat, options: stored.options, result: stored.result });
  });

  app.get("/api/runs/:id/export.csv", (c) => {
    const x = exportable(c, ctx, true);
    if (x instanceof Response) return x;
    return c.body(tableToCsv(x.result.tables[x.table]), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`gigaplan-run-${x.stored.id}-${x.table}.csv`),
    });
  });

  app.get("/api/runs/:id/export.parquet", (c) => {
    const x = exportable(c, ctx, true);
    if (x instanceof Response) return x;
    const meta = { runId: x.stored.id, table: x.table, scenarioName: x.stored.name, scenarioSha256: x.stored.scenarioSha256, gigaplanVersion: x.stored.gigaplanVersion, dataVintage: x.stored.dataVintage };
    return c.body(new Uint8Array(tableToParquet(x.result.tables[x.table], meta)), 200, {
      "Content-Type": "application/vnd.apache.parquet",
      "Content-Disposition": attachment(`gigaplan-run-${x.stored.id}-${x.table}.parquet`),
    });
  });

  app.get("/api/runs/:id/export.xlsx", async (c) => {
    const x = exportable(c, ctx, false);
    if (x instanceof Response) return x;
    const s = x.stored;
    const bytes = await runToXlsx(x.result, { scenarioName: s.name, runId: s.id, scenarioSha256: s.scenarioSha256, gigaplanVersion: s.gigaplanVersion, dataVintage: s.dataVintage, created: s.createdAt });
    return c.body(bytes, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(`gigaplan-run-${s.id}.xlsx`),
    });
  });
}
