/** An in-process gigaplan app on a temporary run store, and requests to it (Host: 127.0.0.1). */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type AppOptions, createApp } from "../../src/server/app.ts";
import { RunStore } from "../../src/store/index.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SMALL_YAML = readFileSync(join(ROOT, "test", "fixtures", "small.yaml"), "utf8");
export const META_YAML = readFileSync(join(ROOT, "scenarios", "meta-600b.yaml"), "utf8");

export interface TestApp {
  request: (path: string, init?: RequestInit & { headers?: Record<string, string> }) => Promise<Response>;
  post: (path: string, body: unknown, contentType?: string) => Promise<Response>;
  store: RunStore;
  dir: string;
  logs: string[];
  stopJobs: () => void;
  context: ReturnType<typeof createApp>["context"];
  close: () => void;
}

export function testApp(o: Partial<Omit<AppOptions, "store">> = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), "gigaplan-server-"));
  const store = RunStore.open(join(dir, "runs.db"));
  const logs: string[] = [];
  const { app, stopJobs, context } = createApp({ store, webDist: join(dir, "web-dist-missing"), log: (l) => logs.push(l), ...o, limits: { simulationWorkers: 1, ...o.limits } });
  const request: TestApp["request"] = (path, init = {}) => Promise.resolve(app.request(path, { ...init, headers: { host: "127.0.0.1:8787", ...init.headers } }));
  const post: TestApp["post"] = (path, body, contentType = "application/json") =>
    request(path, { method: "POST", headers: { "content-type": contentType }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return {
    request,
    post,
    store,
    dir,
    logs,
    stopJobs,
    context,
    close: () => {
      stopJobs();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads a server-sent event stream to its end: the events in order. */
export async function readEvents(res: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "null";
      return { event, data: JSON.parse(data) };
    });
}
