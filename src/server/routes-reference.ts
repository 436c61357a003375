/** Read-only reference endpoints: peers, claims, the scenario JSON Schema, the OpenAPI document, health. */
import { readFileSync } from "node:fs";
import type { Hono } from "hono";
import { type ClaimReport, type Diagnostic, checkClaims, peers, scenarioJsonSchema, selectClaims } from "../index.ts";
import { bundledPath } from "../io/input-files.ts";
import { dataVintage, gigaplanVersion } from "../store/index.ts";
import type { ServerContext } from "./context.ts";
import { openApiDocument } from "./openapi.ts";
import { badRequest, notFound } from "./respond.ts";
import { runIdOf } from "./routes-runs.ts";

/** The claims report of the bundled Meta scenario is the same on every call: computed once. */
const META_SCENARIO = "scenarios/meta-600b.yaml";

/** Caches a value (JSON text) computed on first use. */
function once<T>(f: () => T): () => T {
  let v: { value: T } | null = null;
  return () => (v ??= { value: f() }).value;
}

export function registerReferenceRoutes(app: Hono, ctx: ServerContext): void {
  const json = (text: string): Response => new Response(text, { headers: { "Content-Type": "application/json" } });
  const peersJson = once(() => JSON.stringify(peers()));
  const schemaJson = once(() => JSON.stringify(scenarioJsonSchema()));
  const openApiJson = once(() => JSON.stringify(openApiDocument({ limits: ctx.limits, version: gigaplanVersion() })));
  let metaClaims: Promise<{ value: ClaimReport | null; diagnostics: Diagnostic[] }> | null = null;

  app.get("/api/health", (c) => c.json({ status: "ok", version: gigaplanVersion(), dataVintage: dataVintage(), runningJobs: ctx.slots.inUse }));
  app.get("/api/peers", () => json(peersJson()));
  app.get("/api/schema", () => json(schemaJson()));
  app.get("/api/openapi.json", () => json(openApiJson()));

  app.get("/api/claims", async (c) => {
    const claimIds = c.req.queries("claim") ?? [];
    const scenario = c.req.query("scenario");
    let outcome: { value: ClaimReport | null; diagnostics: Diagnostic[] };
    if (scenario !== undefined) {
      const id = runIdOf(scenario);
      const stored = id === null ? null : ctx.store.get(id);
      if (!stored || stored.kind !== "run") return notFound(c, "scenario", `no stored run ${scenario}`);
      const doc = { text: stored.scenarioText, name: stored.scenarioFormat === "json" ? "scenario.json" : "scenario.yaml" };
      outcome = await checkClaims(doc, { files: ctx.files, claimIds, scenarioLabel: `run ${id} (${stored.name})` });
    } else {
      // the Meta report is computed once; a claim filter selects from it instead of running the model again
      metaClaims ??= checkClaims({ text: readFileSync(bundledPath(META_SCENARIO), "utf8"), name: META_SCENARIO }, { files: ctx.files });
      const pending = metaClaims;
      // a failed run is not kept: the next request tries again
      pending.catch(() => {
        if (metaClaims === pending) metaClaims = null;
      });
      const full = await pending;
      outcome = full.value ? selectClaims(full.value, claimIds) : full;
    }
    if (!outcome.value) {
      return badRequest(c, outcome.diagnostics.map((d) => (d.path === "claimIds" ? { ...d, path: "claim" } : d)));
    }
    return c.json(outcome.value);
  });
}
