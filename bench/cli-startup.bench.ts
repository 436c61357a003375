/**
 * Benchmark: start-up of the compiled command line (dist/, `npm run build`), whole processes timed from outside,
 * each paired with a bare `node -e 0` run just before it (the anchor: Node's own start-up on this machine).
 * Targets: `gigaplan --help` ≤ 5× the anchor; `gigaplan run scenarios/meta-600b.yaml` < 0.5 s wall.
 *   npx tsx bench/cli-startup.bench.ts [runs]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? 15);
if (!existsSync(join(root, "dist", "cli.cjs"))) throw new Error("dist/cli.cjs is missing: npm run build first");

function wallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited with ${r.status}`);
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function paired(args: string[]): { ms: number; anchorMs: number; ratio: number } {
  wallMs(["-e", "0"]);
  wallMs(args); // warm-up (file cache)
  const ms: number[] = [];
  const anchor: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = wallMs(["-e", "0"]);
    const b = wallMs(args);
    anchor.push(a);
    ms.push(b);
    ratios.push(b / a);
  }
  return { ms: median(ms), anchorMs: median(anchor), ratio: median(ratios) };
}

const help = paired(["bin/gigaplan.js", "--help"]);
const run = paired(["bin/gigaplan.js", "run", "scenarios/meta-600b.yaml"]);
console.log(`anchor node -e 0:            median ${help.anchorMs.toFixed(0)} ms`);
console.log(`gigaplan --help:             median ${help.ms.toFixed(0)} ms, ${help.ratio.toFixed(1)}x the anchor (target ≤ 5x: ${help.ratio <= 5 ? "met" : "NOT met"})`);
console.log(`gigaplan run meta-600b.yaml: median ${run.ms.toFixed(0)} ms, ${run.ratio.toFixed(1)}x the anchor (target < 500 ms: ${run.ms < 500 ? "met" : "NOT met"})`);
