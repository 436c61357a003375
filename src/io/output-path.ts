/**
 * Checks an output path before anything is computed (issue 15 item 5): the nearest existing ancestor must be a
 * writable directory on an ordinary filesystem (not /proc, /sys or /dev, where writes fail or never end), and an
 * existing target must be of the expected kind. Messages are one sentence; the caller exits 2.
 */
import { accessSync, constants, existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

const SPECIAL = ["/proc", "/sys", "/dev"];

/** The problem with writing at `path` (kind: a directory of outputs, or one file), or null when it looks writable. */
export function outputPathProblem(path: string, kind: "directory" | "file"): string | null {
  const target = resolve(path);
  let ancestor = target;
  while (!existsSync(ancestor)) {
    const up = dirname(ancestor);
    if (up === ancestor) break;
    ancestor = up;
  }
  let real: string;
  try {
    real = realpathSync(ancestor);
  } catch {
    return `${path}: cannot resolve ${ancestor}`;
  }
  if (SPECIAL.some((s) => real === s || real.startsWith(`${s}/`))) return `${path}: is on a special filesystem (${real}); write outputs to an ordinary directory`;
  if (ancestor === target) {
    const isDir = statSync(target).isDirectory();
    if (kind === "directory" && !isDir) return `${path}: exists and is not a directory`;
    if (kind === "file" && isDir) return `${path}: is a directory; give a file name`;
  } else if (!statSync(ancestor).isDirectory()) return `${path}: ${ancestor} is a file, so nothing can be created under it`;
  const dirToWrite = ancestor === target && kind === "directory" ? dirname(target) : ancestor;
  try {
    accessSync(dirToWrite, constants.W_OK);
    if (ancestor !== target || kind === "file") accessSync(ancestor, constants.W_OK);
  } catch {
    return `${path}: ${dirToWrite} is not writable`;
  }
  return null;
}

/** Files gigaplan writes into a run's --out directory: anything else there means the directory is not ours. */
export function foreignFiles(dir: string, ours: (name: string) => boolean): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir).filter((f) => !ours(f));
}
