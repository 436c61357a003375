#!/usr/bin/env node
/**
 * Compiles the command line to JavaScript so `gigaplan` starts without transpiling TypeScript (`npm run build`;
 * also the `prepare` script, so `npm ci` / `npm install` run it):
 * - dist/cli.cjs: src/cli/main.ts bundled by esbuild with the package's JSON data and its pure-JS dependencies
 *   (packages with native or wasm parts, or used by one command only, stay in node_modules);
 * - dist/cli.cjs.cache: V8's code cache of that bundle after a run of the Meta scenario, so a start does not
 *   compile the bundle again (bin/gigaplan.js hands it to V8, which checks it against its own version and
 *   ignores it when it does not fit);
 * - dist/simulation-worker.mjs, dist/optimize-worker.mjs: the worker threads of `simulate --workers K` and of the
 *   server's optimize-power jobs.
 * The reference data is validated here, once; the bundle carries it validated.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist");
const started = performance.now();
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// 1. The reference data is compiled into the bundle: validate it now (throws with every problem when invalid).
const check = await build({ absWorkingDir: root, entryPoints: ["src/data/index.ts"], bundle: true, platform: "node", format: "esm", packages: "external", write: false, logLevel: "warning" });
const checkFile = join(outdir, `.validate-data-${process.pid}.mjs`);
writeFileSync(checkFile, check.outputFiles[0].contents);
try {
  await import(pathToFileURL(checkFile).href);
} finally {
  rmSync(checkFile, { force: true });
}

// 2. The bundles.
const EXTERNAL = ["better-sqlite3", "highs", "jsdom", "exceljs", "@duckdb/*", "tsx", "tsx/*", "esbuild", "playwright-core", "vite"];
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  minify: true,
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  define: { __GIGAPLAN_DATA_VALIDATED_AT_BUILD__: "true" },
};
const cli = await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir,
  outExtension: { ".js": ".cjs" },
  format: "cjs",
  // import() becomes require(): code restored from V8's code cache cannot run dynamic imports in a vm.Script
  supported: { "dynamic-import": false },
  define: { ...common.define, "import.meta.url": "__gigaplanModuleUrl" },
  banner: { js: 'var __gigaplanModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
const worker = await build({
  ...common,
  entryPoints: { "simulation-worker": "src/io/simulation-worker.ts", "optimize-worker": "src/server/optimize-worker.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  format: "esm",
  // bundled CommonJS packages call require() for Node builtins: give the ESM bundle a require
  banner: { js: 'import { createRequire as __gigaplanRequire } from "node:module"; const require = __gigaplanRequire(import.meta.url);' },
});

// 3. V8's code cache of the CLI bundle, taken after the commands people start most have run once.
const bin = join(root, "bin", "gigaplan.js");
const env = { ...process.env, GIGAPLAN_WRITE_CODE_CACHE: "1" };
execFileSync(process.execPath, [bin, "run", join(root, "scenarios", "meta-600b.yaml")], { env, stdio: "ignore" });
writeFileSync(join(outdir, "BUILD"), "built from src/ by scripts/build.mjs; do not edit\n");

const sizes = [cli, worker].flatMap((r) => Object.entries(r.metafile.outputs).filter(([f]) => !f.endsWith(".map")).map(([f, o]) => `${f} ${(o.bytes / 1024).toFixed(0)} kB`));
console.error(`gigaplan: compiled the CLI in ${Math.round(performance.now() - started)} ms (${sizes.join(", ")}, code cache written)`);
