#!/usr/bin/env node
// Entry point. Runs the compiled CLI (dist/cli.cjs, built by `npm ci` / `npm run build`) when it is up to date
// with src/, handing V8 the code cache built with it; otherwise (a source checkout being edited) runs the
// TypeScript through tsx's loader.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { Script } from "node:vm";
import { fileURLToPath } from "node:url";

// A closed pipe (e.g. `gigaplan run ... | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

const compiled = fileURLToPath(new URL("../dist/cli.cjs", import.meta.url));
const src = new URL("../src/", import.meta.url);

const data = new URL("../data/", import.meta.url);

/** Newest modification time of the files with `extension` under a folder, ms. */
function newestMs(dir, extension) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = new URL(e.name + (e.isDirectory() ? "/" : ""), dir);
    if (e.isDirectory()) newest = Math.max(newest, newestMs(p, extension));
    else if (e.name.endsWith(extension)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** The bundle holds the .ts files of src/ and the reference data (.json under data/): stale when either is newer. */
function compiledIsCurrent() {
  if (!existsSync(compiled)) return false;
  const built = statSync(compiled).mtimeMs;
  return (!existsSync(src) || built >= newestMs(src, ".ts")) && (!existsSync(data) || built >= newestMs(data, ".json"));
}

/** Loads the CommonJS bundle through V8 with its code cache (see scripts/build.mjs). */
function loadCompiled() {
  const cacheFile = `${compiled}.cache`;
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(Module.wrap(readFileSync(compiled, "utf8")), { filename: compiled, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(compiled), module, compiled, fileURLToPath(new URL("../dist/", import.meta.url)));
  const saveCache = () => {
    const tmp = `${cacheFile}.tmp-${process.pid}`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  };
  return { main: module.exports.main, saveCache };
}

const upToDate = compiledIsCurrent();
let main;
let saveCache = () => {};
if (upToDate) ({ main, saveCache } = loadCompiled());
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
// scripts/build.mjs asks for the cache once, after a run has compiled what a run needs
if (process.env.GIGAPLAN_WRITE_CODE_CACHE === "1" && upToDate) saveCache();
