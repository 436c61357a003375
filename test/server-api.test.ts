/**
 * The HTTP API in-process (Hono's app.request, no socket): runs in and out of the store, the same diagnostics
 * as the CLI for bad scenarios, 404/413/415/401/403/500 answers, reference endpoints, the OpenAPI document
 * checked against real responses, static files and path traversal.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { peers, run, scenarioJsonSchema, sources, validate } from "../src/index.ts";
import { serverInputFiles } from "../src/server/input-files.ts";
import { META_YAML, SMALL_YAML, type TestApp, testApp } from "./helpers/server.ts";

let t: TestApp;
beforeAll(() => {
  t = testApp();
});
afterAll(() => t.close());

const body = async (r: Response): Promise<any> => r.json();
const small = () => parseYaml(SMALL_YAML) as Record<string, any>;
const files = serverInputFiles();

describe("POST /api/sources", () => {
  it("answers the sources report of the posted scenario, as the library gives it, and stores nothing", async () => {
    const before = await body(await t.request("/api/runs"));
    const r = await t.post("/api/sources", META_YAML, "application/yaml");
    expect(r.status).toBe(200);
    const b = await body(r);
    const expected = await sources({ text: META_YAML, name: "scenario.yaml" }, { files });
    expect(b).toEqual(JSON.parse(JSON.stringify(expected.value)));
    expect(b.sites.find((s: { site: string }) => s.site === "Hyperion").profiles[0]).toMatchObject({ kind: "pv", local: false });
    expect(await body(await t.request("/api/runs"))).toEqual(before);
    const bad = await t.post("/api/sources", "program: 3", "application/yaml");
    expect(bad.status).toBe(400);
  }, 60_000);
});

describe("POST /api/runs", () => {
  it("runs YAML, stores it, and answers 201 with the id and the same result as run()", async () => {
    const r = await t.post("/api/runs", SMALL_YAML, "application/yaml");
    expect(r.status).toBe(201);
    const b = await body(r);
    expect(r.headers.get("location")).toBe(`/api/runs/${b.id}`);
    const expected = await run({ text: SMALL_YAML, name: "scenario.yaml" }, { files });
    expect(JSON.stringify(b.result)).toBe(JSON.stringify(expected.result));
    const stored = await body(await t.request(`/api/runs/${b.id}`));
    expect(stored).toMatchObject({ id: b.id, kind: "run", name: "Small test program", scenario: SMALL_YAML, scenarioFormat: "yaml", seed: null, options: null });
    expect(stored.hash).toBe(createHash("sha256").update(SMALL_YAML).digest("hex"));
    expect(stored.result).toEqual(b.result);
    const gz = await t.request(`/api/runs/${b.id}`, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip"); // large answers are compressed for clients that accept it
    expect(JSON.parse(gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString())).toEqual(stored);
    const plain = await t.request("/api/health", { headers: { "accept-encoding": "gzip" } });
    expect(plain.headers.get("content-encoding")).toBeNull(); // small ones are not
    expect(await plain.json()).toHaveProperty("status");
  });

  it("takes a JSON scenario object, or a wrapper with YAML or JSON text or an object", async () => {
    const obj = small();
    for (const [payload, format] of [
      [obj, "json"],
      [{ scenario: SMALL_YAML }, "yaml"],
      [{ scenario: JSON.stringify(obj) }, "json"],
      [{ scenario: obj }, "json"],
    ] as const) {
      const r = await t.post("/api/runs", payload);
      expect(r.status, JSON.stringify(payload).slice(0, 40)).toBe(201);
      const stored = await body(await t.request(`/api/runs/${(await body(r)).id}`));
      expect(stored.scenarioFormat).toBe(format);
    }
    const yamlJson = await t.post("/api/runs", stringifyYaml(obj), "text/yaml; charset=utf-8");
    expect(yamlJson.status).toBe(201);
  });

  it("answers a bad scenario 400 with the CLI's diagnostics, and stores nothing", async () => {
    const before = (await body(await t.request("/api/runs"))).total;
    const bad = small();
    bad.sites[1].phases[0].itPowerMw = -5;
    bad.sites[0].typo = 1;
    const text = stringifyYaml(bad);
    const r = await t.post("/api/runs", text, "application/yaml");
    expect(r.status).toBe(400);
    const cli = await validate({ text, name: "scenario.yaml" });
    expect((await body(r)).diagnostics).toEqual(cli.diagnostics);
    expect(cli.diagnostics.map((d) => d.path)).toEqual(expect.arrayContaining(["sites[1].phases[0].itPowerMw", "sites[0].typo"]));
    const cases: [string, string, RegExp][] = [
      ['{"program": {', "application/json", /^malformed JSON/],
      ["program: [1, 2\nsites: x", "application/yaml", /^malformed YAML at line/],
      ["- just\n- a list", "application/yaml", /must be a mapping/],
    ];
    for (const [payload, type, message] of cases) {
      const x = await t.post("/api/runs", payload, type);
      expect(x.status, payload).toBe(400);
      expect((await body(x)).diagnostics[0].message).toMatch(message);
    }
    const wrapper = await t.post("/api/runs", { scenario: SMALL_YAML, extra: 1 });
    expect(await body(wrapper)).toEqual({ diagnostics: [{ path: "extra", severity: "error", message: "unknown field" }] });
    expect((await body(await t.request("/api/runs"))).total).toBe(before);
  });

  it("refuses weather files named by a posted scenario (bundled files only)", async () => {
    const s = small();
    s.sites[0].power = { weather: { solarFile: "../../../etc/passwd" }, portfolio: { pvMw: 10 } };
    const r = await t.post("/api/runs", s);
    expect(r.status).toBe(400);
    expect((await body(r)).diagnostics).toContainEqual({
      path: "sites[0].power.weather.solarFile (../../../etc/passwd)",
      severity: "error",
      message: expect.stringContaining("reads no files named by a scenario"),
    });
  });

  it("refuses other content types (415) and bodies over the limit (413)", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) expect((await t.post("/api/runs", SMALL_YAML, type)).status).toBe(415);
    expect((await t.request("/api/runs", { method: "POST", body: SMALL_YAML })).status).toBe(415);
    const big = `# ${"x".repeat(1024 * 1024)}\n${SMALL_YAML}`;
    const r = await t.post("/api/runs", big, "application/yaml");
    expect(r.status).toBe(413);
    expect((await body(r)).diagnostics[0].path).toBe("(body)");
    // without a Content-Length (a stream): counted as it arrives
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode("x".repeat(100_000)));
        c.close();
      },
    });
    const chunked = await t.request("/api/runs", { method: "POST", headers: { "content-type": "application/yaml" }, body: stream, duplex: "half" } as RequestInit & { headers: Record<string, string> });
    expect(chunked.status).toBe(413);
  });
});

describe("POST /api/runs under load", () => {
  it("computes at most maxConcurrentRuns at once (429 with Retry-After), and frees the slot after a run", async () => {
    const one = testApp({ limits: { maxConcurrentRuns: 1 } });
    try {
      const answers = await Promise.all([1, 2, 3].map(() => one.post("/api/runs", META_YAML, "application/yaml")));
      const codes = answers.map((r) => r.status).sort();
      expect(codes).toEqual([201, 429, 429]);
      const refused = answers.find((r) => r.status === 429)!;
      expect(refused.headers.get("retry-after")).toBe("2");
      expect((await body(refused)).diagnostics[0].message).toMatch(/all 1 run slots are busy/);
      expect((await one.post("/api/runs", SMALL_YAML, "application/yaml")).status).toBe(201);
      expect(one.context.runSlots.inUse).toBe(0);
    } finally {
      one.close();
    }
  });
});

describe("GET /api/runs", () => {
  it("pages newest first and checks its query", async () => {
    const all = await body(await t.request("/api/runs?limit=500"));
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect(all.runs.map((r: { id: number }) => r.id)).toEqual([...all.runs.map((r: { id: number }) => r.id)].sort((a, b) => b - a));
    expect(Object.keys(all.runs[0]).sort()).toEqual(["created", "dataVintage", "hash", "id", "kind", "name", "resultBytes", "seed", "version"]);
    const page = await body(await t.request("/api/runs?limit=2&offset=1"));
    expect(page.runs.map((r: { id: number }) => r.id)).toEqual(all.runs.slice(1, 3).map((r: { id: number }) => r.id));
    for (const q of ["limit=0", "limit=501", "limit=abc", "offset=-1"]) expect((await t.request(`/api/runs?${q}`)).status, q).toBe(400);
  });

  it("answers 404 for unknown runs, jobs and endpoints", async () => {
    for (const p of ["/api/runs/999999", "/api/runs/abc", "/api/runs/0", "/api/runs/1.5", "/api/runs/999/export.csv", "/api/simulations/nope", "/api/nope"]) {
      const r = await t.request(p);
      expect(r.status, p).toBe(404);
      expect((await body(r)).diagnostics).toHaveLength(1);
    }
    expect((await t.request("/api/simulations/nope", { method: "DELETE" })).status).toBe(404);
  });
});

describe("reference endpoints", () => {
  it("peers, the scenario schema and the claims", async () => {
    expect(await body(await t.request("/api/peers"))).toEqual(JSON.parse(JSON.stringify(peers())));
    expect(await body(await t.request("/api/schema"))).toEqual(scenarioJsonSchema());
    const c12 = await body(await t.request("/api/claims?claim=C12&claim=c13"));
    expect(c12.judgments.map((j: { id: string }) => j.id)).toEqual(["C12", "C13"]);
    // a filter selects from the one Meta report: the same judgments, counts of the selection
    const all = await body(await t.request("/api/claims"));
    expect(c12.judgments).toEqual(all.judgments.filter((j: { id: string }) => j.id === "C12" || j.id === "C13"));
    expect(Object.values(c12.counts).reduce((a: number, b) => a + (b as number), 0)).toBe(2);
    const bad = await t.request("/api/claims?claim=C99");
    expect(bad.status).toBe(400);
    expect((await body(bad)).diagnostics[0].path).toBe("claim");
    // (the claim rules assume the Meta sites: a stored Meta run)
    const id = (await body(await t.post("/api/runs", META_YAML, "application/yaml"))).id;
    const mine = await body(await t.request(`/api/claims?scenario=${id}&claim=C01`));
    expect(mine.scenario).toBe(`run ${id} (Meta US AI infrastructure ($600B pledge))`);
    expect((await t.request("/api/claims?scenario=999999")).status).toBe(404);
    expect((await body(await t.request("/api/health"))).status).toBe("ok");
  });

  it("the OpenAPI 3.1 document describes the real responses", async () => {
    const doc = await body(await t.request("/api/openapi.json"));
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/runs", "/api/runs/{id}", "/api/simulations", "/api/simulations/{id}/events", "/api/optimize-power", "/api/claims", "/api/peers", "/api/schema"]));
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema as object, `#/components/schemas/${name}`);
    const check = (name: string, value: unknown): void => {
      const validateFn = ajv.getSchema(`#/components/schemas/${name}`);
      if (!validateFn) throw new Error(name);
      expect(validateFn(value), `${name}: ${JSON.stringify(validateFn.errors)}`).toBe(true);
    };
    const created = await body(await t.post("/api/runs", SMALL_YAML, "application/yaml"));
    check("RunCreated", created);
    check("RunList", await body(await t.request("/api/runs")));
    check("RunDetail", await body(await t.request(`/api/runs/${created.id}`)));
    check("Error", await body(await t.request("/api/runs/999999")));
    check("Health", await body(await t.request("/api/health")));
    check("Scenario", small());
    check("SimulationRequest", { scenario: SMALL_YAML, iterations: 10 });
    check("OptimizePowerRequest", { runId: 1, site: "Alpha Campus", hoursPerStep: 24 });
    const limited = ajv.getSchema("#/components/schemas/SimulationRequest");
    expect(limited?.({ scenario: "x", iterations: 200_001 })).toBe(false);
  });
});

describe("safety", () => {
  it("answers only loopback Host headers", async () => {
    expect((await t.request("/api/peers", { headers: { host: "evil.example:8787" } })).status).toBe(403);
    expect((await t.request("/api/peers", { headers: { host: "localhost:8787" } })).status).toBe(200);
  });

  it("requires the bearer token on /api when one is set", async () => {
    const a = testApp({ token: "0123456789abcdef-token" });
    try {
      expect((await a.request("/api/peers")).status).toBe(401);
      expect((await a.request("/api/peers", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
      expect((await a.post("/api/runs", SMALL_YAML, "application/yaml")).status).toBe(401);
      expect((await a.request("/api/peers", { headers: { authorization: "Bearer 0123456789abcdef-token" } })).status).toBe(200);
      expect((await a.request("/")).status).toBe(200); // the web app's page itself is public
    } finally {
      a.close();
    }
  });

  it("answers internal errors 500 with a generic message; the stack goes to the log only", async () => {
    const a = testApp();
    a.store.close(); // every store call now throws
    try {
      const r = await a.post("/api/runs", SMALL_YAML, "application/yaml");
      expect(r.status).toBe(500);
      const text = await r.text();
      expect(JSON.parse(text)).toEqual({ diagnostics: [{ path: "(server)", severity: "error", message: "internal error (details are in the server's log)" }] });
      expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+/);
      expect(a.logs.join("\n")).toMatch(/POST \/api\/runs failed: .*\n\s+at /);
    } finally {
      a.close();
    }
  });
});

describe("static files", () => {
  it("without a web build, / says how to build it", async () => {
    const r = await t.request("/");
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("npm run build:web");
  });

  it("serves the web build: index at /, assets, app routes, and nothing outside", async () => {
    const web = join(t.dir, "web");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(web, "assets", "app-1234.js"), "console.log(1)");
    writeFileSync(join(t.dir, "secret.txt"), "secret");
    const a = testApp({ webDist: web });
    try {
      expect(await (await a.request("/")).text()).toContain("<title>app</title>");
      const js = await a.request("/assets/app-1234.js");
      expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
      expect(js.headers.get("cache-control")).toContain("immutable");
      expect(await (await a.request("/runs/12")).text()).toContain("<title>app</title>");
      for (const p of ["/assets/missing.js", "/..%2Fsecret.txt", "/assets/..%2F..%2Fsecret.txt", "/%2e%2e/secret.txt"]) expect((await a.request(p)).status, p).toBe(404);
    } finally {
      a.close();
    }
  });

  it("serves bundled weather, grid and wind files under /data, read-only", async () => {
    const r = await t.request("/data/wind/ssc_windpower_test_powercurve_1500kW.csv");
    expect(r.status).toBe(200);
    expect(await r.text()).toMatch(/^wind_speed/);
    const gz = await t.request("/data/grid/ERCO_2022_hourly_fuelmix_avgCI.csv.gz");
    expect(gz.headers.get("content-type")).toBe("application/gzip");
    for (const p of ["/data/weather/..%2F..%2Fpackage.json", "/data/..%2Fpackage.json", "/data/weather/%2e%2e%2f%2e%2e%2fpackage.json", "/data/claims/claims.json", "/data/weather/", "/data/weather/missing.csv"]) {
      expect((await t.request(p)).status, p).toBe(404);
    }
    expect((await t.request("/data/wind/ssc_windpower_test_powercurve_1500kW.csv", { method: "POST" })).status).toBe(404);
  });
});
