/**
 * `InputFiles` for scenarios posted to the server, which must never make it read arbitrary paths: bundled
 * files (gigaplan's own weather, wind and grid data) are read from the package; a file a scenario names
 * (`power.weather.solarFile` / `windFile`) is refused with a diagnostic, unless the server was started with a
 * files directory (`gigaplan serve --files-dir DIR`): then it is read from inside DIR only (no absolute paths,
 * no "..", symbolic links may not lead out). Diagnostics name files as the scenario does, never by server path.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Diagnostic, InputFile, InputFiles, Outcome } from "../index.ts";
import { bundledPath } from "../io/input-files.ts";
import { readTextFile } from "../io/read-text-file.ts";
import { problem } from "./respond.ts";

/** Folders of the package that hold the bundled input files. */
const BUNDLED_FOLDERS = ["data/weather/", "data/grid/", "data/wind/"];

/** `path` inside `root` (both real paths), or null when it would leave it. */
export function insideRoot(root: string, path: string): string | null {
  const rootReal = realpathSync(root);
  const target = resolve(rootReal, path);
  const rel = relative(rootReal, target);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return null;
  if (!existsSync(target)) return target; // reading it reports "cannot read"
  const real = realpathSync(target);
  const realRel = relative(rootReal, real);
  return realRel === "" || realRel.startsWith("..") || isAbsolute(realRel) ? null : real;
}

function renamed(ds: readonly Diagnostic[], name: string): Diagnostic[] {
  return ds.map((d) => ({ ...d, path: name }));
}

function read(path: string, name: string): Outcome<{ text: string; name: string } | null> {
  if (existsSync(path) && !statSync(path).isFile()) return { value: null, diagnostics: [problem(name, "not a file")] };
  const text = readTextFile(path);
  return text.value === null ? { value: null, diagnostics: renamed(text.diagnostics, name) } : { value: { text: text.value, name }, diagnostics: [] };
}

export interface ServerFilesOptions {
  /** directory that scenario-named files are read from; absent: scenario-named files are refused */
  filesDir?: string;
}

export function serverInputFiles(o: ServerFilesOptions = {}): InputFiles {
  return {
    read: async (f: InputFile) => {
      if (f.origin === "bundled") {
        const ok = BUNDLED_FOLDERS.some((d) => f.path.startsWith(d)) && !f.path.split("/").includes("..");
        if (!ok) return { value: null, diagnostics: [problem(f.path, "not a bundled input file")] };
        return read(bundledPath(f.path), f.path);
      }
      if (!o.filesDir) {
        return {
          value: null,
          diagnostics: [
            problem(
              f.path,
              "this server reads no files named by a scenario: leave power.weather.solarFile / windFile unset to use gigaplan's bundled weather, or start the server with --files-dir DIR",
            ),
          ],
        };
      }
      const parts = f.path.split(/[\\/]/);
      const path = isAbsolute(f.path) || parts.includes("..") ? null : insideRoot(o.filesDir, parts.join(sep));
      if (!path) return { value: null, diagnostics: [problem(f.path, "must be a relative path inside the server's files directory (no absolute paths, no \"..\")")] };
      return read(path, f.path);
    },
  };
}

/** A bundled file's path from a URL path under /data/ (folder, then name segments), or null. */
export function bundledDataFile(segments: readonly string[]): string | null {
  if (segments.length < 2) return null;
  if (!BUNDLED_FOLDERS.includes(`data/${segments[0]}/`)) return null;
  const dir = bundledPath(join("data", segments[0]));
  const path = insideRoot(dir, join(...segments.slice(1)));
  return path && existsSync(path) && statSync(path).isFile() ? path : null;
}

