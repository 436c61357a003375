/**
 * The HTTP API as a Hono app (no socket: `serve.ts` binds it; tests call `app.request`). Middleware order:
 * Host check (loopback servers) → bearer token (when set, /api only) → body size limit → gzip of large JSON/CSV
 * answers → routes → static files. Unknown errors are logged with their stack and answered 500 with a generic message.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { workerPoolExecutor } from "../io/simulation-pool.ts";
import type { RunStore } from "../store/index.ts";
import type { ServerContext } from "./context.ts";
import { serverInputFiles } from "./input-files.ts";
import { gzipLarge } from "./gzip.ts";
import { SimulationJobs, Slots } from "./jobs.ts";
import { DEFAULT_LIMITS, type ServerLimits } from "./limits.ts";
import { diagnosticsResponse, problem } from "./respond.ts";
import { registerJobRoutes } from "./routes-jobs.ts";
import { registerReferenceRoutes } from "./routes-reference.ts";
import { registerRunRoutes } from "./routes-runs.ts";
import { bearerToken, loopbackHostOnly } from "./security.ts";
import { registerStatic } from "./static.ts";

export interface AppOptions {
  store: RunStore;
  limits?: Partial<ServerLimits>;
  /** bearer token required on /api routes */
  token?: string;
  /** answer only requests whose Host is a loopback name (default true; false when serving other hosts with a token) */
  loopbackOnly?: boolean;
  /** scenario-named weather files are read from inside this directory; absent: refused */
  filesDir?: string;
  /** the web app's build folder (index.html + assets) */
  webDist: string;
  log?: (line: string) => void;
}

export interface GigaplanApp {
  app: Hono;
  context: ServerContext;
  /** cancels every running job (for shutdown) */
  stopJobs: () => void;
}

export function createApp(o: AppOptions): GigaplanApp {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...o.limits };
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const slots = new Slots(limits.maxConcurrentJobs);
  const inThread = limits.simulationWorkers <= 1;
  const jobs = new SimulationJobs(
    slots,
    {
      retainFinished: limits.retainFinishedJobs,
      retainSampleTables: limits.retainSampleTables,
      timeLimitSeconds: limits.simulationTimeLimitSeconds,
      // in this thread: small blocks, so the event loop is yielded to often
      executor: workerPoolExecutor(limits.simulationWorkers, inThread ? 8 : undefined),
    },
    {
      logError: (e, job) => log(`simulation ${job.id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
      now: () => new Date().toISOString(),
    },
  );
  const context: ServerContext = { store: o.store, limits, files: serverInputFiles({ filesDir: o.filesDir }), filesDir: o.filesDir, slots, runSlots: new Slots(limits.maxConcurrentRuns), jobs, log };

  const app = new Hono();
  if (o.loopbackOnly !== false) app.use("*", loopbackHostOnly());
  if (o.token) app.use("/api/*", bearerToken(o.token));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: (c) => diagnosticsResponse(c, 413, [problem("(body)", `the request body is larger than the server's limit of ${limits.maxBodyBytes} bytes`)]),
    }),
  );
  app.use("/api/*", gzipLarge(16 * 1024));
  registerReferenceRoutes(app, context);
  registerRunRoutes(app, context);
  registerJobRoutes(app, context);
  registerStatic(app, { webDist: o.webDist });
  app.onError((e, c) => {
    log(`${c.req.method} ${new URL(c.req.url).pathname} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return diagnosticsResponse(c, 500, [problem("(server)", "internal error (details are in the server's log)")]);
  });
  return { app, context, stopJobs: () => jobs.cancelAll() };
}
