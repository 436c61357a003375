/**
 * gigaplan as a library: the same results as the command line, through the public API (src/index.ts) alone.
 *
 *   npx tsx examples/api.ts run scenarios/meta-600b.yaml              # = gigaplan run … --format json
 *   npx tsx examples/api.ts optimize-power scenarios/meta-600b.yaml "El Paso" 4
 *                                                                       # = gigaplan optimize-power … --site "El Paso"
 *                                                                       #   --representative-weeks 4 --format json
 *   npx tsx examples/api.ts check-claims scenarios/meta-600b.yaml     # = gigaplan check-claims --scenario … --format json
 *
 * The hourly weather and grid files reach the API through `InputFiles`; this script implements it with Node's
 * fs and zlib (a browser implements it with fetch), to show that a face needs nothing else.
 */
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { type InputFiles, checkClaims, optimizePower, run } from "../src/index.ts";

const packageRoot = fileURLToPath(new URL("../", import.meta.url));

function filesFor(scenarioFile: string): InputFiles {
  const dir = dirname(resolve(scenarioFile));
  return {
    read: async (f) => {
      const path = f.origin === "bundled" ? join(packageRoot, f.path) : isAbsolute(f.path) ? f.path : join(dir, f.path);
      try {
        const bytes = readFileSync(path);
        const gz = bytes[0] === 0x1f && bytes[1] === 0x8b;
        const text = new TextDecoder().decode(gz ? gunzipSync(bytes) : bytes).replace(/^\uFEFF/, "");
        return { value: { text, name: path }, diagnostics: [] };
      } catch (e) {
        return { value: null, diagnostics: [{ path, severity: "error", message: `cannot read file (${(e as NodeJS.ErrnoException).code})` }] };
      }
    },
  };
}

const [useCase, scenarioFile, site, weeks] = process.argv.slice(2);
const doc = { text: readFileSync(scenarioFile, "utf8"), name: scenarioFile };
const files = filesFor(scenarioFile);
let out: unknown;
if (useCase === "run") out = (await run(doc, { files })).result;
else if (useCase === "optimize-power") out = (await optimizePower(doc, { site, representativeWeeks: weeks ? Number(weeks) : undefined, files })).report;
else if (useCase === "check-claims") out = (await checkClaims(doc, { files })).value;
else throw new Error(`unknown use case ${useCase}: run | optimize-power | check-claims`);
if (out === null || out === undefined) {
  process.stderr.write(`${useCase}: no result (the scenario or options have errors)\n`);
  process.exitCode = 2;
} else process.stdout.write(useCase === "check-claims" ? `${JSON.stringify(out, null, 2)}\n` : `${JSON.stringify(out)}\n`);
