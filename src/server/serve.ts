/**
 * Binds the app to a socket (@hono/node-server) with its run store; `close` stops the jobs, the listener and
 * open connections (event streams included), then closes the database cleanly (WAL checkpointed).
 * Loopback by default; any other host needs a bearer token, or the server refuses to start.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { bundledPath } from "../io/input-files.ts";
import { RunStore } from "../store/index.ts";
import { createApp } from "./app.ts";
import type { ServerLimits } from "./limits.ts";
import { isLoopbackHost } from "./security.ts";

/** How long requests in flight may take to finish after close() before their connections are cut. */
const CLOSE_GRACE_MS = 2000;

export interface ServeOptions {
  port: number;
  host: string;
  /** the run store's file */
  dbPath: string;
  token?: string;
  filesDir?: string;
  /** default: web/dist in the package */
  webDist?: string;
  limits?: Partial<ServerLimits>;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  store: RunStore;
  close: () => Promise<void>;
}

export class ServeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServeConfigError";
  }
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const loopback = isLoopbackHost(o.host);
  if (!loopback && !o.token) throw new ServeConfigError(`refusing to listen on ${o.host} without a token: pass --token (or set GIGAPLAN_TOKEN), or keep the default host 127.0.0.1`);
  if (o.token !== undefined && o.token.length < 16) throw new ServeConfigError("the token must be at least 16 characters long");
  const store = RunStore.open(o.dbPath);
  const { app, stopJobs } = createApp({
    store,
    token: o.token,
    loopbackOnly: loopback,
    filesDir: o.filesDir,
    webDist: o.webDist ?? bundledPath("web/dist"),
    limits: o.limits,
    log: o.log,
  });
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      // plain HTTP/1.1 (no createServer option given), so the node:http Server
      const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, () => resolve(s as Server));
      s.once("error", reject);
    });
  } catch (e) {
    store.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = o.host.includes(":") ? `[${o.host}]` : o.host;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      stopJobs(); // ends their event streams too
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      // requests in flight may finish within the grace period; their keep-alive connections close once idle
      const idle = setInterval(() => server.closeIdleConnections(), 25);
      server.close(() => {
        clearTimeout(force);
        clearInterval(idle);
        store.close();
        resolve();
      });
      server.closeIdleConnections();
    }));
  return { url: `http://${hostInUrl}:${port}`, port, store, close };
}
