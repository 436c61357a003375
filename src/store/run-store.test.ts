import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { RESULT_SCHEMA_VERSION, provenance, run } from "../index.ts";
import { nodeInputFiles } from "../io/input-files.ts";
import { LATEST_VERSION, MIGRATIONS, StoreVersionError, migrate, schemaVersion } from "./migrations.ts";
import { RunStore, StoreMissingError } from "./run-store.ts";

const dirs: string[] = [];
const tempDb = (): string => {
  const d = mkdtempSync(join(tmpdir(), "gigaplan-store-"));
  dirs.push(d);
  return join(d, "sub", "runs.db");
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ROOT = join(import.meta.dirname, "..", "..");
const newRun = (text: string, result: unknown) => ({ kind: "run" as const, name: "t", scenarioText: text, scenarioFormat: "yaml" as const, result, resultSchemaVersion: 1 });

describe("run store", () => {
  it("creates the file and its folder, in WAL mode, at the latest schema version with the migration log", () => {
    const path = tempDb();
    const store = RunStore.open(path);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it("stores a run with the SHA-256 of its text, the package version and the data vintage, and reads it back", () => {
    const store = RunStore.open(tempDb(), { now: () => "2026-01-02T03:04:05.000Z" });
    const text = "program: { name: x }\n";
    const meta = store.add({ ...newRun(text, { a: 1, b: [1, 2, null], c: "é" }), seed: 7, options: { iterations: 10 } });
    const got = store.get(meta.id);
    expect(got).not.toBeNull();
    expect(got?.result).toEqual({ a: 1, b: [1, 2, null], c: "é" });
    expect(got?.scenarioText).toBe(text);
    expect(got?.scenarioSha256).toBe(createHash("sha256").update(text).digest("hex"));
    expect(got?.seed).toBe(7);
    expect(got?.options).toEqual({ iterations: 10 });
    expect(got?.createdAt).toBe("2026-01-02T03:04:05.000Z");
    expect(got?.gigaplanVersion).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(got?.dataVintage).toBe(Object.values(provenance).map((m) => m.retrieved).sort().at(-1));
    expect(store.get(meta.id + 1)).toBeNull();
    store.close();
  });

  it("compresses results above the threshold and lists newest first with a total", () => {
    const store = RunStore.open(tempDb(), { compressAboveBytes: 100 });
    const small = store.add(newRun("a", { x: 1 }));
    const big = store.add(newRun("b", { xs: Array.from({ length: 1000 }, () => 123456) }));
    expect(small.storedBytes).toBe(small.resultBytes);
    expect(big.storedBytes).toBeLessThan(big.resultBytes / 10);
    expect((store.get(big.id)?.result as { xs: number[] }).xs).toHaveLength(1000);
    const page = store.list({ limit: 1 });
    expect(page.total).toBe(2);
    expect(page.runs.map((r) => r.id)).toEqual([big.id]);
    expect(store.list({ limit: 5, offset: 1 }).runs.map((r) => r.id)).toEqual([small.id]);
    expect(store.integrityCheck()).toEqual(["ok"]);
    store.close();
  });

  it("upgrades a version-1 database in place, keeping its runs", () => {
    const path = tempDb();
    RunStore.open(path).close(); // creates the folder
    rmSync(path);
    const db = new Database(path);
    migrate(db, () => "t", 1);
    expect(schemaVersion(db)).toBe(1);
    db.prepare(
      `INSERT INTO runs (kind, name, scenario_text, scenario_format, scenario_sha256, gigaplan_version, data_vintage, result_schema_version, result_encoding, result, result_bytes, created_at)
       VALUES ('run', 'old', 'x', 'yaml', ?, '0.0.1', '2025-01-01', 1, 'json', ?, 7, 't')`,
    ).run("0".repeat(64), Buffer.from('{"a":1}'));
    db.close();
    const store = RunStore.open(path);
    expect(store.get(1)?.result).toEqual({ a: 1 });
    store.close();
    const check = new Database(path, { readonly: true });
    expect(schemaVersion(check)).toBe(LATEST_VERSION);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'runs_scenario_sha256'").get()).toBeTruthy();
    check.close();
  });

  it("refuses a database from a newer gigaplan and a missing file when it must exist", () => {
    const path = tempDb();
    RunStore.open(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => RunStore.open(path)).toThrow(StoreVersionError);
    expect(() => RunStore.open(join(tmpdir(), "gigaplan-no-such-dir", "x.db"), { mustExist: true })).toThrow(StoreMissingError);
  });

  it("keeps the Meta result compressed several times smaller than its JSON", async () => {
    const file = join(ROOT, "scenarios", "meta-600b.yaml");
    const text = readFileSync(file, "utf8");
    const { result } = await run({ text, name: file }, { files: nodeInputFiles(file) });
    const store = RunStore.open(tempDb());
    const meta = store.add({ ...newRun(text, result), resultSchemaVersion: RESULT_SCHEMA_VERSION });
    // measured: 262,613 bytes of JSON → 36,523 gzip-compressed (7.2×)
    expect(meta.resultBytes).toBeGreaterThan(100_000);
    expect(meta.storedBytes).toBeLessThan(meta.resultBytes / 4);
    expect(JSON.stringify(store.get(meta.id)?.result)).toBe(JSON.stringify(result));
    store.close();
  });
});
