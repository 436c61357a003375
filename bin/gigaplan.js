#!/usr/bin/env node
// Entry point. Runs the compiled CLI (dist/cli.mjs, built by `npm ci` / `npm run build`) when it is up to date
// with src/; otherwise (a source checkout being edited) runs the TypeScript through tsx's loader.
import { existsSync, readdirSync, statSync } from "node:fs";

// A closed pipe (e.g. `gigaplan run ... | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

const compiled = new URL("../dist/cli.mjs", import.meta.url);
const src = new URL("../src/", import.meta.url);

/** Newest modification time of the .ts files under a folder, ms. */
function newestMs(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = new URL(e.name + (e.isDirectory() ? "/" : ""), dir);
    if (e.isDirectory()) newest = Math.max(newest, newestMs(p));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const upToDate = existsSync(compiled) && (!existsSync(src) || statSync(compiled).mtimeMs >= newestMs(src));
let main;
if (upToDate) ({ main } = await import(compiled.href));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
