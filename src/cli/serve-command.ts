/**
 * `gigaplan serve [--port P] [--host H] [--db FILE] [--token T] [--files-dir DIR]`: the HTTP API (and the web
 * app's build, when present) until SIGINT or SIGTERM; then jobs are stopped, connections closed and the run
 * store closed cleanly. Listens on 127.0.0.1 unless told otherwise; another host needs a token.
 */
import type { Command } from "commander";
import { EXIT_BAD_INPUT, EXIT_OK, type Io } from "./io.ts";

interface ServeCliOptions {
  port: string;
  host: string;
  db?: string;
  token?: string;
  filesDir?: string;
  maxJobs: string;
  maxRuns: string;
  maxIterations: string;
  simWorkers: string;
}

function count(s: string, flag: string, min: number, problems: string[]): number {
  const v = Number(s);
  if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(v) || v < min) problems.push(`${flag}: must be a whole number ≥ ${min} (got "${s}")`);
  return v;
}

/** Resolves when the process gets SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string): void => {
      process.removeListener("SIGINT", on);
      process.removeListener("SIGTERM", on);
      resolve(signal);
    };
    process.once("SIGINT", on);
    process.once("SIGTERM", on);
  });
}

export async function serveCommand(o: ServeCliOptions, io: Io): Promise<number> {
  const problems: string[] = [];
  const port = count(o.port, "--port", 0, problems);
  if (port > 65535) problems.push(`--port: must be at most 65535 (got ${port})`);
  const limits = {
    maxConcurrentJobs: count(o.maxJobs, "--max-jobs", 1, problems),
    maxConcurrentRuns: count(o.maxRuns, "--max-runs", 1, problems),
    maxIterations: count(o.maxIterations, "--max-iterations", 1, problems),
    simulationWorkers: count(o.simWorkers, "--sim-workers", 1, problems),
  };
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`error: ${p}\n`);
    return EXIT_BAD_INPUT;
  }
  const [{ startServer, ServeConfigError }, { defaultStorePath, StoreVersionError }] = await Promise.all([import("../server/serve.ts"), import("../store/index.ts")]);
  const dbPath = o.db ?? defaultStorePath();
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port,
      host: o.host,
      dbPath,
      token: o.token ?? process.env.GIGAPLAN_TOKEN,
      filesDir: o.filesDir,
      limits,
      log: (line) => io.stderr(`${line}\n`),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof ServeConfigError || e instanceof StoreVersionError) io.stderr(`error: ${e.message}\n`);
    else if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") io.stderr(`error: cannot listen on ${o.host}:${port} (${code})\n`);
    else throw e;
    return EXIT_BAD_INPUT;
  }
  const signalled = untilSignal();
  io.stderr(`gigaplan: serving ${server.url} (API: ${server.url}/api/openapi.json; run store: ${dbPath}); Ctrl-C stops\n`);
  const signal = await signalled;
  io.stderr(`gigaplan: ${signal}: stopping jobs, closing connections and the run store\n`);
  await server.close();
  return EXIT_OK;
}

export function registerServe(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("serve")
    .description("HTTP API (and the web app's build) on this machine; every POST /api/runs is kept in the run store")
    .option("--port <port>", "port to listen on (0: any free port)", "8787")
    .option("--host <host>", "interface to listen on; anything but loopback needs --token", "127.0.0.1")
    .option("--db <file>", "run store (SQLite; default ~/.gigaplan/runs.db)")
    .option("--token <token>", "bearer token required on every /api request (default: $GIGAPLAN_TOKEN; at least 16 characters)")
    .option("--files-dir <dir>", "directory that weather files named by posted scenarios are read from (default: none; bundled files only)")
    .option("--max-jobs <n>", "simulation and optimize-power jobs running at once (more: 429)", "2")
    .option("--max-runs <n>", "model runs (POST /api/runs) computing at once (more: 429)", "4")
    .option("--max-iterations <n>", "most samples one simulation job may ask for", "200000")
    .option("--sim-workers <k>", "worker threads per simulation job (1: in the server's thread)", "2")
    .action(async (opts: ServeCliOptions) => setExit(await serveCommand(opts, io)));
}
