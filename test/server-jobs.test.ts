/**
 * Jobs over the HTTP API (in-process): a simulation with progress events, its report in the run store and its
 * samples as Parquet; cancel, the time limit, the iteration cap and the bound on concurrent jobs (429);
 * optimize-power in a worker thread, with its own time limit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulate } from "../src/index.ts";
import { decodeParquet } from "../src/io/samples-file.ts";
import { serverInputFiles } from "../src/server/input-files.ts";
import { META_YAML, SMALL_YAML, type TestApp, readEvents, testApp } from "./helpers/server.ts";

let t: TestApp;
beforeAll(() => {
  t = testApp({ limits: { maxConcurrentJobs: 2, maxIterations: 1000 } });
});
afterAll(() => t.close());

const body = async (r: Response): Promise<any> => r.json();
const waitFor = async (f: () => Promise<boolean>, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};
const slotsFree = () => waitFor(async () => (await body(await t.request("/api/health"))).runningJobs === 0);

describe("POST /api/simulations", () => {
  it("runs a job: progress events, then the report (as simulate()), stored with its seed, and the samples", async () => {
    const r = await t.post("/api/simulations", { scenario: META_YAML, iterations: 40, seed: 5, method: "lhs" });
    expect(r.status).toBe(202);
    const job = await body(r);
    const events = await readEvents(await t.request(job.events));
    expect(events[0].event).toBe("progress");
    const end = events.at(-1);
    expect(end?.event).toBe("end");
    const done = await body(await t.request(job.result));
    expect(done).toMatchObject({ id: job.id, status: "done", progress: { done: 40, total: 40 } });
    expect(end?.data).toEqual({ status: "done", runId: done.runId });
    // the server reads the sites' bundled weather and grid files, as the command line does
    const expected = await simulate({ text: META_YAML, name: "scenario.yaml" }, { iterations: 40, seed: 5, method: "lhs", files: serverInputFiles({}) });
    expect(done.report).toEqual(JSON.parse(JSON.stringify(expected.value?.report)));
    const stored = await body(await t.request(`/api/runs/${done.runId}`));
    expect(stored).toMatchObject({ kind: "simulation", seed: 5, options: { iterations: 40, seed: 5, method: "lhs" }, scenario: META_YAML });
    const parquet = await t.request(`/api/simulations/${job.id}/samples.parquet`);
    const samples = await decodeParquet(await parquet.arrayBuffer());
    expect(samples.count).toBe(40);
    expect(samples.info.seed).toBe(5);
    // events of a finished job: its state, then the end
    expect((await readEvents(await t.request(job.events))).map((e) => e.event)).toEqual(["progress", "end"]);
  });

  it("simulates the scenario of a stored run by its id", async () => {
    const runId = (await body(await t.post("/api/runs", META_YAML, "application/yaml"))).id;
    const job = await body(await t.post("/api/simulations", { runId, iterations: 8 }));
    await readEvents(await t.request(job.events));
    expect((await body(await t.request(job.result))).status).toBe("done");
    expect((await t.post("/api/simulations", { runId: 999999, iterations: 8 })).status).toBe(404);
  });

  it("checks the request: caps, fields, one scenario source, an uncertain block, JSON only", async () => {
    const cases: [unknown, string][] = [
      [{ scenario: META_YAML, iterations: 1001 }, "iterations"],
      [{ scenario: META_YAML, iterations: 0 }, "iterations"],
      [{ scenario: META_YAML, iterations: 2.5 }, "iterations"],
      [{ scenario: META_YAML, seed: -1 }, "seed"],
      [{ scenario: META_YAML, method: "grid" }, "method"],
      [{ scenario: META_YAML, workers: 4 }, "workers"],
      [{ iterations: 10 }, "scenario"],
      [{ scenario: META_YAML, runId: 1 }, "scenario"],
      [{ scenario: SMALL_YAML, iterations: 10 }, "uncertain"],
      [[1, 2], "(body)"],
    ];
    for (const [payload, path] of cases) {
      const r = await t.post("/api/simulations", payload);
      expect(r.status, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect((await body(r)).diagnostics.map((d: { path: string }) => d.path), path).toContain(path);
    }
    expect((await t.post("/api/simulations", "{oops", "application/json")).status).toBe(400);
    expect((await t.post("/api/simulations", META_YAML, "application/yaml")).status).toBe(415);
  });

  it("cancels a running job (DELETE), bounds concurrent jobs (429) and frees the slots", async () => {
    await slotsFree();
    const a = await body(await t.post("/api/simulations", { scenario: META_YAML, iterations: 1000 }));
    const b = await body(await t.post("/api/simulations", { scenario: META_YAML, iterations: 1000 }));
    const third = await t.post("/api/simulations", { scenario: META_YAML, iterations: 10 });
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("5");
    expect((await t.post("/api/optimize-power", { scenario: SMALL_YAML, site: "Alpha Campus", hoursPerStep: 24 })).status).toBe(429);
    const eventsA = t.request(a.events).then(readEvents);
    const cancelled = await t.request(`/api/simulations/${a.id}`, { method: "DELETE" });
    expect((await body(cancelled)).status).toBe("cancelled");
    expect((await eventsA).at(-1)).toEqual({ event: "end", data: { status: "cancelled", runId: null } });
    await t.request(`/api/simulations/${b.id}`, { method: "DELETE" });
    await slotsFree();
    expect((await body(await t.request(`/api/simulations/${b.id}`))).status).toBe("cancelled");
    // deleting a finished job forgets it
    expect((await t.request(`/api/simulations/${b.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await t.request(`/api/simulations/${b.id}`)).status).toBe(404);
  });

  it("stops a job that runs past the time limit", async () => {
    const a = testApp({ limits: { simulationTimeLimitSeconds: 0.2 } });
    try {
      const job = await body(await a.post("/api/simulations", { scenario: META_YAML, iterations: 20_000 }));
      const events = await readEvents(await a.request(job.events));
      expect(events.at(-1)).toEqual({ event: "end", data: { status: "timed-out", runId: null } });
      const after = await body(await a.request(job.result));
      expect(after.status).toBe("timed-out");
      expect(after.diagnostics.at(-1).message).toMatch(/time limit of 0.2 s/);
    } finally {
      a.close();
    }
  });
});

describe("POST /api/optimize-power", () => {
  it("sizes a site's portfolio in a worker thread", async () => {
    await slotsFree();
    const r = await t.post("/api/optimize-power", { scenario: SMALL_YAML, site: "Alpha Campus", hoursPerStep: 24, levelFraction: 0.5 });
    expect(r.status).toBe(200);
    const b = await body(r);
    expect(b.report).toMatchObject({ site: "Alpha Campus", resolutionHours: 24, status: "optimal", target: { levelFraction: 0.5 } });
    expect(b.log[0]).toMatch(/^HiGHS .*: optimal in \d/);
  });

  it("answers bad options with diagnostics, and a solve past the time limit with 503", async () => {
    const bad = await t.post("/api/optimize-power", { scenario: SMALL_YAML, site: "Nowhere", hoursPerStep: 24 });
    expect(bad.status).toBe(400);
    expect((await body(bad)).diagnostics).toContainEqual({ path: "site", severity: "error", message: expect.stringContaining("unknown site") });
    const invalid = await t.post("/api/optimize-power", { scenario: SMALL_YAML, site: "Alpha Campus", levelFraction: 2 });
    expect((await body(invalid)).diagnostics[0].path).toBe("levelFraction");
    const a = testApp({ limits: { optimizeTimeLimitSeconds: 0.01 } });
    try {
      const slow = await a.post("/api/optimize-power", { scenario: SMALL_YAML, site: "Alpha Campus" });
      expect(slow.status).toBe(503);
      expect((await body(slow)).diagnostics[0].message).toMatch(/longer than the server's limit/);
      expect((await body(await a.request("/api/health"))).runningJobs).toBe(0);
    } finally {
      a.close();
    }
  });
});
