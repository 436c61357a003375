/**
 * What identifies a stored run besides its scenario: the SHA-256 of the scenario text, the gigaplan version
 * (package.json) and the vintage of the reference data (the latest `retrieved` date of data/*.meta.json).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { provenance } from "../index.ts";
import { bundledPath } from "../io/input-files.ts";

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

let version: string | undefined;
/** The version in gigaplan's package.json. */
export function gigaplanVersion(): string {
  version ??= (JSON.parse(readFileSync(bundledPath("package.json"), "utf8")) as { version: string }).version;
  return version;
}

/** The latest `retrieved` date (YYYY-MM-DD) of the reference data's provenance files. */
export function dataVintage(): string {
  return Object.values(provenance)
    .map((m) => m.retrieved)
    .reduce((a, b) => (b > a ? b : a), "");
}
