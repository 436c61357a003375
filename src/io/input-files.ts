/**
 * `InputFiles` on Node: bundled files from the package's own folder, files a scenario names relative to the
 * scenario file's folder (or absolute); gzip-compressed files are decoded. Diagnostics name the resolved path.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { InputFile, InputFiles } from "../index.ts";
import { readTextFile } from "./read-text-file.ts";

/** The package's folder: the nearest folder above this module with the package's data/ (src/io/ or dist/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "data"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("gigaplan: cannot find the package folder (package.json and data/)");
    dir = up;
  }
  return dir;
}
const PACKAGE_ROOT = packageRoot();

/** The absolute path of a bundled file (path from the package root, e.g. "data/weather/x.srw.gz"). */
export const bundledPath = (path: string): string => join(PACKAGE_ROOT, path);

/** Input files for a scenario read from `scenarioFile` (files it names are relative to its folder). */
export function nodeInputFiles(scenarioFile: string): InputFiles {
  const dir = dirname(resolve(scenarioFile));
  const pathOf = (f: InputFile): string => (f.origin === "bundled" ? bundledPath(f.path) : isAbsolute(f.path) ? f.path : join(dir, f.path));
  return {
    read: async (f) => {
      const path = pathOf(f);
      const text = readTextFile(path);
      return text.value === null ? { value: null, diagnostics: text.diagnostics } : { value: { text: text.value, name: path }, diagnostics: text.diagnostics };
    },
  };
}
