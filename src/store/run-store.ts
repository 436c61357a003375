/**
 * The run store: every run (and finished simulation) with its scenario text, the text's SHA-256, the seed and
 * options, the gigaplan version and data vintage, the creation time and the JSON result (gzip-compressed above
 * a size threshold). SQLite through better-sqlite3 in WAL mode; every write is one transaction; the schema
 * comes from ordered migrations (migrations.ts). Default file: ~/.gigaplan/runs.db.
 */
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { dataVintage, gigaplanVersion, sha256Hex } from "./identity.ts";
import { migrate } from "./migrations.ts";

export type RunKind = "run" | "simulation";
export type ScenarioFormat = "yaml" | "json";

/** What a caller stores; the store adds the hash, version, data vintage and time. */
export interface NewRun {
  kind: RunKind;
  /** the scenario's program name */
  name: string;
  scenarioText: string;
  scenarioFormat: ScenarioFormat;
  seed?: number | null;
  /** the options of the use case (simulation: iterations, seed, method) */
  options?: unknown;
  /** the JSON result (run: RunResult; simulation: SimulationReport) */
  result: unknown;
  resultSchemaVersion: number;
}

export interface RunMeta {
  id: number;
  kind: RunKind;
  name: string;
  scenarioSha256: string;
  seed: number | null;
  gigaplanVersion: string;
  dataVintage: string;
  resultSchemaVersion: number;
  /** size of the result as JSON text */
  resultBytes: number;
  /** size as stored (after compression) */
  storedBytes: number;
  createdAt: string;
}

export interface StoredRun extends RunMeta {
  scenarioText: string;
  scenarioFormat: ScenarioFormat;
  options: unknown;
  result: unknown;
}

export interface OpenStoreOptions {
  /** fail instead of creating a new database (for commands that only read) */
  mustExist?: boolean;
  /** results whose JSON is larger are gzip-compressed (default 16 KiB) */
  compressAboveBytes?: number;
  /** ISO time of "now" (default: the clock) */
  now?: () => string;
}

export class StoreMissingError extends Error {
  constructor(path: string) {
    super(`no run store at ${path} (runs are stored by \`gigaplan serve\`; choose another file with --db)`);
    this.name = "StoreMissingError";
  }
}

/** ~/.gigaplan/runs.db */
export const defaultStorePath = (): string => join(homedir(), ".gigaplan", "runs.db");

const DEFAULT_COMPRESS_ABOVE_BYTES = 16 * 1024;

interface Row {
  id: number;
  kind: RunKind;
  name: string;
  scenario_sha256: string;
  seed: number | null;
  gigaplan_version: string;
  data_vintage: string;
  result_schema_version: number;
  result_bytes: number;
  stored_bytes: number;
  created_at: string;
}
interface FullRow extends Row {
  scenario_text: string;
  scenario_format: ScenarioFormat;
  options_json: string | null;
  result_encoding: "json" | "gzip";
  result: Buffer;
}

const META_COLUMNS =
  "id, kind, name, scenario_sha256, seed, gigaplan_version, data_vintage, result_schema_version, result_bytes, length(result) AS stored_bytes, created_at";

const toMeta = (r: Row): RunMeta => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  scenarioSha256: r.scenario_sha256,
  seed: r.seed,
  gigaplanVersion: r.gigaplan_version,
  dataVintage: r.data_vintage,
  resultSchemaVersion: r.result_schema_version,
  resultBytes: r.result_bytes,
  storedBytes: r.stored_bytes,
  createdAt: r.created_at,
});

export class RunStore {
  private readonly insert: Database.Statement;
  private readonly selectOne: Database.Statement;
  private readonly selectMeta: Database.Statement;
  private readonly selectPage: Database.Statement;
  private readonly countAll: Database.Statement;

  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
    private readonly compressAboveBytes: number,
    private readonly now: () => string,
  ) {
    this.insert = db.prepare(
      `INSERT INTO runs (kind, name, scenario_text, scenario_format, scenario_sha256, seed, options_json, gigaplan_version, data_vintage,
                         result_schema_version, result_encoding, result, result_bytes, created_at)
       VALUES (@kind, @name, @scenarioText, @scenarioFormat, @sha, @seed, @options, @version, @vintage, @schemaVersion, @encoding, @result, @bytes, @createdAt)`,
    );
    this.selectOne = db.prepare(`SELECT ${META_COLUMNS}, scenario_text, scenario_format, options_json, result_encoding, result FROM runs WHERE id = ?`);
    this.selectMeta = db.prepare(`SELECT ${META_COLUMNS} FROM runs WHERE id = ?`);
    this.selectPage = db.prepare(`SELECT ${META_COLUMNS} FROM runs ORDER BY id DESC LIMIT ? OFFSET ?`);
    this.countAll = db.prepare("SELECT count(*) AS n FROM runs");
  }

  /** Opens (or creates) the store at `path` and brings its schema up to date. */
  static open(path: string, o: OpenStoreOptions = {}): RunStore {
    const isMemory = path === ":memory:";
    if (!isMemory && !existsSync(path)) {
      if (o.mustExist) throw new StoreMissingError(path);
      mkdirSync(dirname(path), { recursive: true });
    }
    const db = new Database(path);
    try {
      db.pragma("journal_mode = WAL");
      // FULL: a run is on disk when the POST that stored it answers (one fsync of the WAL per commit)
      db.pragma("synchronous = FULL");
      db.pragma("busy_timeout = 5000");
      const now = o.now ?? (() => new Date().toISOString());
      migrate(db, now);
      return new RunStore(path, db, o.compressAboveBytes ?? DEFAULT_COMPRESS_ABOVE_BYTES, now);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** Stores a run in one transaction and returns its metadata. */
  add(r: NewRun): RunMeta {
    const json = JSON.stringify(r.result);
    const bytes = Buffer.byteLength(json, "utf8");
    const compress = bytes > this.compressAboveBytes;
    const result = compress ? gzipSync(json) : Buffer.from(json, "utf8");
    const createdAt = this.now();
    const id = this.db.transaction(() =>
      Number(
        this.insert.run({
          kind: r.kind,
          name: r.name,
          scenarioText: r.scenarioText,
          scenarioFormat: r.scenarioFormat,
          sha: sha256Hex(r.scenarioText),
          seed: r.seed ?? null,
          options: r.options === undefined ? null : JSON.stringify(r.options),
          version: gigaplanVersion(),
          vintage: dataVintage(),
          schemaVersion: r.resultSchemaVersion,
          encoding: compress ? "gzip" : "json",
          result,
          bytes,
          createdAt,
        }).lastInsertRowid,
      ),
    )();
    const meta = this.meta(id);
    if (!meta) throw new Error(`run ${id} vanished after insert`);
    return meta;
  }

  /** Newest first. */
  list(o: { limit?: number; offset?: number } = {}): { runs: RunMeta[]; total: number } {
    const rows = this.selectPage.all(o.limit ?? 50, o.offset ?? 0) as Row[];
    return { runs: rows.map(toMeta), total: (this.countAll.get() as { n: number }).n };
  }

  meta(id: number): RunMeta | null {
    const r = this.selectMeta.get(id) as Row | undefined;
    return r ? toMeta(r) : null;
  }

  get(id: number): StoredRun | null {
    const r = this.selectOne.get(id) as FullRow | undefined;
    if (!r) return null;
    const json = r.result_encoding === "gzip" ? gunzipSync(r.result).toString("utf8") : r.result.toString("utf8");
    return {
      ...toMeta(r),
      scenarioText: r.scenario_text,
      scenarioFormat: r.scenario_format,
      options: r.options_json === null ? null : JSON.parse(r.options_json),
      result: JSON.parse(json),
    };
  }

  /** `PRAGMA integrity_check`: ["ok"] when the file is sound. */
  integrityCheck(): string[] {
    return (this.db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
