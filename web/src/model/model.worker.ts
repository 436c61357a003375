/**
 * The model worker: gigaplan's public API (src/index.ts), the same source as the CLI, run off the page's thread.
 * Requests of one kind supersede each other: while a job runs, newer requests queue, and only the newest of each
 * kind runs next (older ones are answered `superseded`). The quick pass goes first.
 */
import { checkClaims, compare, hourlyPower, peers, representativeSiteYear, run } from "../../../src/index.ts";
import { fetchInputFiles } from "./fetch-files.ts";
import type { HourlySiteYear, ModelKind, ModelRequest, ModelResponse, ModelResult } from "./protocol.ts";

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };
const ORDER: ModelKind[] = ["quick", "bench", "full", "compare", "claims", "peers"];
const pending = new Map<ModelKind, ModelRequest>();
let running = false;

/** One `fetch` InputFiles per data root, so each file is downloaded and decoded once. */
const filesByRoot = new Map<string, ReturnType<typeof fetchInputFiles>>();
const filesFor = (dataRoot: string) => {
  let f = filesByRoot.get(dataRoot);
  if (!f) filesByRoot.set(dataRoot, (f = fetchInputFiles({ dataRoot })));
  return f;
};

const newer = (kind: ModelKind): boolean => pending.has(kind);

async function execute(req: ModelRequest): Promise<ModelResult | null> {
  switch (req.kind) {
    case "quick":
      return { kind: "quick", outcome: await run(req.doc, { hourlyPower: false }) };
    case "bench": {
      const runMs: number[] = [];
      for (let i = 0; i < req.warmupRuns; i++) await run(req.doc, { hourlyPower: false });
      for (let i = 0; i < req.runs; i++) {
        const t = performance.now();
        await run(req.doc, { hourlyPower: false });
        runMs.push(performance.now() - t);
      }
      return { kind: "bench", runMs };
    }
    case "full": {
      const files = filesFor(req.dataRoot);
      const outcome = await run(req.doc, { files });
      let hourly: HourlySiteYear | null = null;
      const t = performance.now();
      const at = outcome.result ? representativeSiteYear(outcome.result) : null;
      if (at && !newer("full")) hourly = { ...at, outcome: await hourlyPower(req.doc, { ...at, files }) };
      return { kind: "full", outcome, hourly, hourlyMs: performance.now() - t };
    }
    case "claims":
      return { kind: "claims", outcome: await checkClaims(req.doc, { files: filesFor(req.dataRoot), scenarioLabel: req.doc.name }) };
    case "compare":
      return { kind: "compare", outcome: compare(req.doc, req.options) };
    case "peers":
      return { kind: "peers", report: peers() };
  }
}

/** Lets queued messages arrive (so that newer requests can supersede the pending ones). */
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (;;) {
      await yieldToMessages();
      const kind = ORDER.find((k) => pending.has(k));
      if (!kind) break;
      const req = pending.get(kind) as ModelRequest;
      pending.delete(kind);
      const t = performance.now();
      let response: ModelResponse;
      try {
        const result = await execute(req);
        response = result ? ({ rev: req.rev, ms: performance.now() - t, ...result } as ModelResponse) : { kind, rev: req.rev, superseded: true };
      } catch (e) {
        response = { kind, rev: req.rev, failure: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
      }
      scope.postMessage(response);
    }
  } finally {
    running = false;
  }
}

scope.onmessage = (e: MessageEvent) => {
  const req = e.data as ModelRequest;
  const old = pending.get(req.kind);
  if (old) scope.postMessage({ kind: old.kind, rev: old.rev, superseded: true } satisfies ModelResponse);
  pending.set(req.kind, req);
  void drain();
};
