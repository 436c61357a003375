#!/usr/bin/env node
/**
 * Compiles the command line to JavaScript so `gigaplan` starts without transpiling TypeScript: src/cli/main.ts
 * and the simulation worker are bundled by esbuild into dist/ (the package's own code, its JSON data and its pure-JS
 * dependencies; packages with native or wasm parts stay in node_modules). Runs on `npm ci` / `npm install` (the
 * `prepare` script) and with `npm run build`; bin/gigaplan.js uses dist/ when it is at least as new as src/.
 */
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist");
mkdirSync(outdir, { recursive: true });
const started = performance.now();

// The reference data is compiled into the bundle: validate it here, once, so the CLI need not at every start.
const check = await build({
  absWorkingDir: root,
  entryPoints: ["src/data/index.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  write: false,
  logLevel: "warning",
});
const checkFile = join(outdir, `.validate-data-${process.pid}.mjs`);
writeFileSync(checkFile, check.outputFiles[0].contents);
try {
  await import(pathToFileURL(checkFile).href); // throws with every problem when a data file is invalid
} finally {
  rmSync(checkFile, { force: true });
}

const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: "src/cli/main.ts", "simulation-worker": "src/io/simulation-worker.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // npm packages are bundled too (fewer files to resolve at start, unused code shaken out), except those that
  // load native or wasm files from their own folder, or are heavy and used by one command only
  external: ["better-sqlite3", "highs", "jsdom", "exceljs", "@duckdb/*", "tsx", "tsx/*", "esbuild", "playwright-core", "vite"],
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  legalComments: "none",
  minify: true,
  // bundled CommonJS packages call require() for Node builtins: give ESM chunks a require
  banner: { js: 'import { createRequire as __gigaplanRequire } from "node:module"; const require = __gigaplanRequire(import.meta.url);' },
  logLevel: "warning",
  metafile: true,
  define: { __GIGAPLAN_DATA_VALIDATED_AT_BUILD__: "true" },
});
const bytes = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith(".mjs")).map(([f, o]) => `${f} ${(o.bytes / 1024).toFixed(0)} kB`);
writeFileSync(join(outdir, "BUILD"), `built from src/ by scripts/build.mjs; do not edit\n`);
console.error(`gigaplan: compiled the CLI in ${Math.round(performance.now() - started)} ms (${bytes.join(", ")})`);
