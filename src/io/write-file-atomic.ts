/** Writes bytes or text to `path` through a temporary sibling file and a rename: a reader never sees half a file. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function writeFileAtomic(path: string, data: string | Uint8Array, options: { createDirectory?: boolean } = {}): void {
  const dir = dirname(path);
  if (options.createDirectory !== false) mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
