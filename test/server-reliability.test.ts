/**
 * The real server process (`node bin/gigaplan.js serve`), on 127.0.0.1 only, with bounded counts: 500
 * concurrent requests (peers, runs posted, runs read) all answered; SIGKILL in the middle of writes, then a
 * restart: the database passes integrity_check and every run whose POST was answered 201 is intact; malformed
 * and oversized bodies and raw traversal paths refused over a real socket; SIGTERM closes cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { ROOT, SMALL_YAML } from "./helpers/server.ts";

const dir = mkdtempSync(join(tmpdir(), "gigaplan-reliability-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

interface Server {
  proc: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startServer(db: string): Promise<Server> {
  const proc = spawn(process.execPath, ["bin/gigaplan.js", "serve", "--host", "127.0.0.1", "--port", "0", "--db", db, "--sim-workers", "1"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  children.push(proc);
  let err = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once("exit", (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 40_000);
    proc.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then(() => reject(new Error(`server exited: ${err}`)));
  });
  return { proc, url, stderr: () => err, exited };
}

const named = (name: string): string => {
  const s = parseYaml(SMALL_YAML);
  s.program.name = name;
  return stringifyYaml(s);
};
const postRun = (url: string, text: string): Promise<Response> => fetch(`${url}/api/runs`, { method: "POST", headers: { "content-type": "application/yaml" }, body: text });

/** A request sent exactly as written (fetch would normalize the path). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("server reliability (child process, 127.0.0.1)", () => {
  it("answers 500 concurrent requests (peers, POST runs, GET runs) without a failure", async () => {
    const s = await startServer(join(dir, "load.db"));
    try {
      const first = await (await postRun(s.url, SMALL_YAML)).json();
      const t0 = performance.now();
      const outcomes = await Promise.all(
        Array.from({ length: 500 }, async (_, i) => {
          try {
            const r = i % 3 === 0 ? await fetch(`${s.url}/api/peers`) : i % 3 === 1 ? await postRun(s.url, named(`load ${i}`)) : await fetch(`${s.url}/api/runs/${first.id}`);
            const b = await r.json();
            const ok = (i % 3 === 1 ? r.status === 201 && typeof b.id === "number" : r.status === 200) && b.diagnostics === undefined;
            return ok ? null : `${i}: ${r.status}`;
          } catch (e) {
            return `${i}: ${(e as Error).message}`;
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const failures = outcomes.filter((o) => o !== null);
      console.log(`500 concurrent requests in ${seconds.toFixed(2)} s, ${failures.length} failed`);
      expect(failures).toEqual([]);
      const list = await (await fetch(`${s.url}/api/runs?limit=1`)).json();
      expect(list.total).toBe(1 + Math.ceil((500 - 1) / 3));
    } finally {
      s.proc.kill("SIGTERM");
      expect(await s.exited).toEqual({ code: 0, signal: null });
    }
  });

  it("survives SIGKILL during writes: integrity_check ok, every answered run intact after a restart", async () => {
    const db = join(dir, "kill.db");
    const s = await startServer(db);
    const answered = new Map<number, string>();
    let interrupted = 0;
    let stop = false;
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await postRun(s.url, named(`kill ${w}.${i}`));
          const text = await r.text();
          if (r.status === 201) {
            const b = JSON.parse(text);
            answered.set(b.id, JSON.stringify(b.result));
          }
        } catch {
          interrupted++; // the server died with this request in flight
          return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    while (answered.size < 40) await new Promise((r) => setTimeout(r, 5));
    s.proc.kill("SIGKILL");
    expect((await s.exited).signal).toBe("SIGKILL");
    stop = true;
    await Promise.all(writers);
    expect(interrupted).toBeGreaterThan(0);

    const raw = new Database(db);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    const total = (raw.prepare("SELECT count(*) AS n FROM runs").get() as { n: number }).n;
    raw.close();
    expect(total).toBeGreaterThanOrEqual(answered.size);

    const again = await startServer(db);
    try {
      for (const [id, result] of answered) {
        const r = await fetch(`${again.url}/api/runs/${id}`);
        expect(r.status, `run ${id}`).toBe(200);
        expect(JSON.stringify((await r.json()).result), `run ${id}`).toBe(result);
      }
    } finally {
      again.proc.kill("SIGTERM");
      expect(await again.exited).toEqual({ code: 0, signal: null });
    }
    expect(again.stderr()).toContain("SIGTERM: stopping jobs, closing connections and the run store");
    expect(existsSync(`${db}-wal`)).toBe(false); // closed cleanly: the WAL was checkpointed and removed
  });

  it("refuses malformed and oversized bodies and raw traversal paths over a real socket", async () => {
    const s = await startServer(join(dir, "bad.db"));
    try {
      const json = await fetch(`${s.url}/api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"program": {"name": ' });
      expect(json.status).toBe(400);
      expect((await json.json()).diagnostics[0].message).toMatch(/^malformed JSON/);
      const yaml = await fetch(`${s.url}/api/runs`, { method: "POST", headers: { "content-type": "application/yaml" }, body: "program:\n  name: [unclosed\n" });
      expect(yaml.status).toBe(400);
      expect((await yaml.json()).diagnostics[0].message).toMatch(/^malformed YAML/);
      const big = await fetch(`${s.url}/api/runs`, { method: "POST", headers: { "content-type": "application/yaml" }, body: "x".repeat(2 * 1024 * 1024) });
      expect(big.status).toBe(413);
      for (const path of ["/data/../package.json", "/data/weather/..%2F..%2Fpackage.json", "/data/%2e%2e/package.json", "/data/weather/%2e%2e%2f%2e%2e%2fpackage.json", "/../package.json", "/data/weather/..\\..\\package.json"]) {
        const r = await rawGet(s.url, path);
        expect([400, 404], path).toContain(r.status); // Node's HTTP parser itself refuses a raw backslash (400)
        expect(r.body, path).not.toContain('"name": "gigaplan"');
      }
      expect((await rawGet(s.url, "/data/wind/ssc_windpower_test_powercurve_1500kW.csv")).status).toBe(200);
    } finally {
      s.proc.kill("SIGTERM");
      await s.exited;
    }
  });
});
