/**
 * The run store's schema, as ordered migrations. `PRAGMA user_version` holds the number of the last migration
 * applied; `schema_migrations` records when each one ran. Each migration runs in its own IMMEDIATE transaction
 * together with the bump of user_version, so a crash leaves the database at a whole version. A database
 * written by a newer gigaplan (user_version above the last migration known here) is refused, never downgraded.
 * Never edit a released migration: append a new one.
 */
import type Database from "better-sqlite3";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "runs table and migration log",
    sql: `
      CREATE TABLE schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at TEXT NOT NULL
      );
      CREATE TABLE runs (
        id                    INTEGER PRIMARY KEY AUTOINCREMENT,
        kind                  TEXT NOT NULL CHECK (kind IN ('run', 'simulation')),
        name                  TEXT NOT NULL,
        scenario_text         TEXT NOT NULL,
        scenario_format       TEXT NOT NULL CHECK (scenario_format IN ('yaml', 'json')),
        scenario_sha256       TEXT NOT NULL CHECK (length(scenario_sha256) = 64),
        seed                  INTEGER,
        options_json          TEXT,
        gigaplan_version      TEXT NOT NULL,
        data_vintage          TEXT NOT NULL,
        result_schema_version INTEGER NOT NULL,
        result_encoding       TEXT NOT NULL CHECK (result_encoding IN ('json', 'gzip')),
        result                BLOB NOT NULL,
        result_bytes          INTEGER NOT NULL,
        created_at            TEXT NOT NULL
      );`,
  },
  {
    version: 2,
    name: "indexes for listing by time and finding a scenario by hash",
    sql: `
      CREATE INDEX runs_created_at ON runs (created_at);
      CREATE INDEX runs_scenario_sha256 ON runs (scenario_sha256);`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export class StoreVersionError extends Error {
  constructor(found: number) {
    super(`the run store has schema version ${found}, newer than this gigaplan knows (${LATEST_VERSION}): upgrade gigaplan`);
    this.name = "StoreVersionError";
  }
}

/** The schema version of an open database (0 for a new file). */
export const schemaVersion = (db: Database.Database): number => db.pragma("user_version", { simple: true }) as number;

/** Applies every migration above the database's version (up to `target`); returns the versions before and after. */
export function migrate(db: Database.Database, now: () => string, target = LATEST_VERSION): { from: number; to: number } {
  const from = schemaVersion(db);
  if (from > LATEST_VERSION) throw new StoreVersionError(from);
  for (const m of MIGRATIONS) {
    if (m.version > target) break;
    db.transaction(() => {
      // another process may have migrated while we waited for the write lock: re-read inside the transaction
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, now());
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: schemaVersion(db) };
}
