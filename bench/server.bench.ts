/**
 * Benchmark: requests per second of the HTTP API on loopback. The server runs in its own process
 * (`node bin/gigaplan.js serve` on 127.0.0.1, a temporary run store); a keep-alive client in this process keeps
 * C requests in flight. Anchor: a bare node:http server (own process) answering the same peers JSON bytes,
 * measured with the same client in the same run.
 *   npx tsx bench/server.bench.ts [seconds-per-case]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(join(tmpdir(), "gigaplan-bench-server-"));
const small = readFileSync(join(root, "test", "fixtures", "small.yaml"), "utf8");

function listening(proc: ChildProcess, pattern: RegExp): Promise<string> {
  let out = "";
  return new Promise((resolve, reject) => {
    const on = (d: Buffer): void => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) resolve(m[1]);
    };
    proc.stdout?.on("data", on);
    proc.stderr?.on("data", on);
    proc.once("exit", () => reject(new Error(out)));
  });
}

/** Requests per second and latency percentiles with `concurrency` requests in flight for `seconds`. */
async function load(send: () => Promise<Response>, concurrency: number, expectStatus: number): Promise<{ rps: number; p50Ms: number; p99Ms: number; n: number; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const r = await send();
        await r.arrayBuffer();
        if (r.status !== expectStatus) failed++;
      } catch {
        failed++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99), n: latencies.length, failed };
}

const procs: ChildProcess[] = [];
try {
  const server = spawn(process.execPath, ["bin/gigaplan.js", "serve", "--port", "0", "--db", join(dir, "runs.db")], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  procs.push(server);
  const url = await listening(server, /serving (http:\/\/127\.0\.0\.1:\d+)/);
  const peersBytes = new Uint8Array(await (await fetch(`${url}/api/peers`)).arrayBuffer());
  writeFileSync(join(dir, "peers.json"), peersBytes);
  const anchorCode = `const b=require("fs").readFileSync(${JSON.stringify(join(dir, "peers.json"))});require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"application/json","content-length":b.length});s.end(b)}).listen(0,"127.0.0.1",function(){console.log("anchor http://127.0.0.1:"+this.address().port)})`;
  const anchorProc = spawn(process.execPath, ["-e", anchorCode], { stdio: ["ignore", "pipe", "pipe"] });
  procs.push(anchorProc);
  const anchorUrl = await listening(anchorProc, /anchor (http:\/\/127\.0\.0\.1:\d+)/);
  const firstRun = (await (await fetch(`${url}/api/runs`, { method: "POST", headers: { "content-type": "application/yaml" }, body: small })).json()) as { id: number };

  const cases: [string, () => Promise<Response>, number, number][] = [
    ["anchor: bare node:http, same peers bytes", () => fetch(`${anchorUrl}/`), 32, 200],
    ["GET /api/peers", () => fetch(`${url}/api/peers`), 32, 200],
    ["GET /api/runs/:id (small run)", () => fetch(`${url}/api/runs/${firstRun.id}`), 16, 200],
    ["POST /api/runs (small scenario, stored)", () => fetch(`${url}/api/runs`, { method: "POST", headers: { "content-type": "application/yaml" }, body: small }), 8, 201],
    ["anchor again (drift check)", () => fetch(`${anchorUrl}/`), 32, 200],
  ];
  let anchorRps = 0;
  console.log(`loopback, ${seconds} s per case, server and anchor each in their own process (peers JSON ${peersBytes.length} bytes)`);
  for (const [name, send, c, status] of cases) {
    await load(send, c, status); // warm-up (same length)
    const r = await load(send, c, status);
    if (anchorRps === 0) anchorRps = r.rps;
    console.log(
      `${name.padEnd(42)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms  (${r.n} requests, concurrency ${c}, ${r.failed} failed, ${(r.rps / anchorRps).toFixed(2)}x the anchor)`,
    );
  }
} finally {
  for (const p of procs) p.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dir, { recursive: true, force: true });
}
