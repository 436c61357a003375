/**
 * `gigaplan runs list|show|diff`: the run store that `gigaplan serve` writes. `show ID --reproduce` runs the
 * stored scenario text again and checks that the result is identical (exit 1 when it is not); `diff A B`
 * prints the summary fields that differ, with both values and the change.
 */
import { statSync } from "node:fs";
import { type Command, Option } from "commander";
import { type RunResult, type SimulationReport, formatDiagnostic, renderSimulationReport, renderTextReport, renderTextTable } from "../index.ts";
import type { FieldChange, RunMeta, RunStore, StoredRun } from "../store/index.ts";
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type Io } from "./io.ts";

interface StoreOptions {
  db?: string;
  format: "table" | "json";
}

/** Opens the store (it must exist) or prints why not. */
async function openStore(o: StoreOptions, io: Io): Promise<RunStore | null> {
  const { RunStore, StoreMissingError, StoreVersionError, defaultStorePath } = await import("../store/index.ts");
  try {
    return RunStore.open(o.db ?? defaultStorePath(), { mustExist: true });
  } catch (e) {
    if (e instanceof StoreMissingError || e instanceof StoreVersionError) {
      io.stderr(`error: ${e.message}\n`);
      return null;
    }
    // SQLite's own refusals (a directory, a file that is not a database, no permission): a sentence, exit 2
    const path = o.db ?? defaultStorePath();
    if ((e as { code?: string }).code?.startsWith("SQLITE_")) {
      const isDir = statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
      const why = (e as { code: string }).code === "SQLITE_NOTADB" ? "not a gigaplan run store (not an SQLite database)" : isDir ? "it is a directory, not a file" : `cannot open it (${(e as Error).message})`;
      io.stderr(`error: --db: ${path}: ${why}\n`);
      return null;
    }
    throw e;
  }
}

async function withStore(o: StoreOptions, io: Io, f: (store: RunStore) => Promise<number> | number): Promise<number> {
  const store = await openStore(o, io);
  if (!store) return EXIT_BAD_INPUT;
  try {
    return await f(store);
  } finally {
    store.close();
  }
}

function getRun(store: RunStore, id: string, io: Io): StoredRun | null {
  const n = /^[1-9]\d{0,14}$/.test(id) ? Number(id) : null;
  const run = n === null ? null : store.get(n);
  if (!run) io.stderr(`error: no run ${id} in ${store.path}\n`);
  return run;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const grid = (headers: string[], rows: string[][], left: number[]): string => `${renderTextTable(headers, rows, { leftColumns: left, rule: true, trimEnd: true }).join("\n")}\n`;

function listText(runs: RunMeta[], total: number): string {
  if (runs.length === 0) return "no runs stored\n";
  const rows = runs.map((r) => [String(r.id), r.kind, r.createdAt.replace("T", " ").slice(0, 19), r.name, r.scenarioSha256.slice(0, 12), r.gigaplanVersion, r.dataVintage, r.seed === null ? "" : String(r.seed), kib(r.storedBytes)]);
  const more = total > runs.length ? `(${runs.length} of ${total} runs; --limit for more)\n` : "";
  return grid(["id", "kind", "created (UTC)", "scenario", "sha256", "version", "data", "seed", "stored"], rows, [1, 2, 3, 4, 5, 6]) + more;
}

function header(r: StoredRun): string {
  const lines = [
    `run ${r.id} (${r.kind}): ${r.name}`,
    `  created          ${r.createdAt}`,
    `  scenario sha256  ${r.scenarioSha256} (${r.scenarioFormat}, ${r.scenarioText.length} characters)`,
    `  gigaplan         ${r.gigaplanVersion}, data vintage ${r.dataVintage}, result schema ${r.resultSchemaVersion}`,
    `  result           ${kib(r.resultBytes)} as JSON, ${kib(r.storedBytes)} stored`,
  ];
  if (r.options !== null) lines.push(`  options          ${JSON.stringify(r.options)}`);
  return `${lines.join("\n")}\n`;
}

/** Whole numbers from a million up, else six significant digits (--format json has every digit). */
const number = (x: number): string => x.toLocaleString("en-US", Math.abs(x) >= 1e6 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 6 });
const leaf = (v: FieldChange["a"]): string => (v === undefined ? "(absent)" : typeof v === "number" ? number(v) : String(v));
const percent = (f: number | null): string => (f === null ? "" : `${f >= 0 ? "+" : ""}${(f * 100).toFixed(2)}%`);

function changesText(changes: FieldChange[], a: string, b: string): string {
  if (changes.length === 0) return "no summary field differs\n";
  const rows = changes.map((c) => [c.path, leaf(c.a), leaf(c.b), c.change === null ? "" : `${c.change >= 0 ? "+" : ""}${number(c.change)}`, percent(c.changeFraction)]);
  return grid(["field", a, b, "change", "change %"], rows, [0]);
}

async function showCommand(id: string, o: StoreOptions & { reproduce?: boolean; filesDir?: string }, io: Io): Promise<number> {
  return withStore(o, io, async (store) => {
    const run = getRun(store, id, io);
    if (!run) return EXIT_BAD_INPUT;
    if (!o.reproduce) {
      if (o.format === "json") io.stdout(`${JSON.stringify(run)}\n`);
      else io.stdout(`${header(run)}\n${run.kind === "run" ? renderTextReport(run.result as RunResult) : renderSimulationReport(run.result as SimulationReport)}`);
      return EXIT_OK;
    }
    const [{ reproduceRun, gigaplanVersion, dataVintage }, { serverInputFiles }] = await Promise.all([import("../store/index.ts"), import("../server/input-files.ts")]);
    const r = await reproduceRun(run, serverInputFiles({ filesDir: o.filesDir }));
    const now = { gigaplanVersion: gigaplanVersion(), dataVintage: dataVintage() };
    if (o.format === "json") io.stdout(`${JSON.stringify({ id: run.id, stored: { gigaplanVersion: run.gigaplanVersion, dataVintage: run.dataVintage }, now, ...r })}\n`);
    else {
      io.stdout(header(run));
      const versions = now.gigaplanVersion === run.gigaplanVersion && now.dataVintage === run.dataVintage ? "same gigaplan version and data vintage" : `now gigaplan ${now.gigaplanVersion}, data vintage ${now.dataVintage}`;
      if (r.identical === null) {
        io.stdout(`reproduce: the stored scenario no longer runs (${versions}):\n`);
        for (const d of r.diagnostics) if (d.severity === "error") io.stdout(`  ${formatDiagnostic(d)}\n`);
      } else if (r.identical) io.stdout(`reproduce: identical result (${versions})\n`);
      else {
        io.stdout(`reproduce: the result DIFFERS (${versions}); tables differing: ${r.tablesDiffering.join(", ") || "none"}\n`);
        io.stdout(changesText(r.changes, "stored", "now"));
      }
    }
    return r.identical === true ? EXIT_OK : r.identical === null ? EXIT_BAD_INPUT : EXIT_FAILURE;
  });
}

async function diffCommand(a: string, b: string, o: StoreOptions, io: Io): Promise<number> {
  const { diffRuns } = await import("../store/index.ts");
  return withStore(o, io, (store) => {
    const ra = getRun(store, a, io);
    const rb = getRun(store, b, io);
    if (!ra || !rb) return EXIT_BAD_INPUT;
    if (ra.kind !== rb.kind) {
      io.stderr(`error: run ${ra.id} is a ${ra.kind} and run ${rb.id} a ${rb.kind}: only runs of one kind compare\n`);
      return EXIT_BAD_INPUT;
    }
    const changes = diffRuns(ra, rb);
    if (o.format === "json") {
      const side = (r: StoredRun) => ({ id: r.id, name: r.name, scenarioSha256: r.scenarioSha256, gigaplanVersion: r.gigaplanVersion, dataVintage: r.dataVintage, createdAt: r.createdAt });
      io.stdout(`${JSON.stringify({ a: side(ra), b: side(rb), changes })}\n`);
      return EXIT_OK;
    }
    const line = (r: StoredRun): string => `run ${r.id}: ${r.name}, ${r.createdAt}, gigaplan ${r.gigaplanVersion}, data ${r.dataVintage}, scenario ${r.scenarioSha256.slice(0, 12)}`;
    const same = ra.scenarioSha256 === rb.scenarioSha256 ? "same scenario text" : "different scenario texts";
    io.stdout(`${line(ra)}\n${line(rb)}\n${same}; ${changes.length} summary field(s) differ\n\n`);
    io.stdout(changesText(changes, `run ${ra.id}`, `run ${rb.id}`));
    return EXIT_OK;
  });
}

const formatOption = (): Option => new Option("--format <format>", "output format").choices(["table", "json"]).default("table");
const dbOption = (): Option => new Option("--db <file>", "run store (default ~/.gigaplan/runs.db)");

export function registerRuns(program: Command, io: Io, setExit: (code: number) => void): void {
  const runs = program.command("runs").description("the run store written by `gigaplan serve`: list, show (and reproduce) and compare stored runs");
  runs
    .command("list")
    .description("stored runs, newest first")
    .addOption(dbOption())
    .addOption(formatOption())
    .option("--limit <n>", "how many", "50")
    .action(async (o: StoreOptions & { limit: string }) => {
      const limit = Number(o.limit);
      if (!Number.isSafeInteger(limit) || limit < 1) {
        io.stderr(`error: --limit: must be a whole number ≥ 1 (got "${o.limit}")\n`);
        return setExit(EXIT_BAD_INPUT);
      }
      setExit(
        await withStore(o, io, (store) => {
          const page = store.list({ limit });
          io.stdout(o.format === "json" ? `${JSON.stringify(page)}\n` : listText(page.runs, page.total));
          return EXIT_OK;
        }),
      );
    });
  runs
    .command("show")
    .description("one stored run: identity and report; --reproduce runs it again and checks the result is identical (exit 1 if not)")
    .argument("<id>")
    .addOption(dbOption())
    .addOption(formatOption())
    .option("--reproduce", "run the stored scenario text again and compare the results")
    .option("--files-dir <dir>", "with --reproduce: where weather files the scenario names are read from (as serve --files-dir)")
    .action(async (id: string, o: StoreOptions & { reproduce?: boolean; filesDir?: string }) => setExit(await showCommand(id, o, io)));
  runs
    .command("diff")
    .description("the summary fields that differ between two stored runs, with both values and the change")
    .argument("<a>")
    .argument("<b>")
    .addOption(dbOption())
    .addOption(formatOption())
    .action(async (a: string, b: string, o: StoreOptions) => setExit(await diffCommand(a, b, o, io)));
}
