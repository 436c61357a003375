/**
 * Reads a text file for the readers in `src/io`, transparently gunzipping it when it is gzip-compressed
 * (detected by the gzip magic bytes, so `x.csv.gz` and a renamed `x.csv` both work). Problems come back as
 * diagnostics with the file name as path; nothing is thrown.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { type Outcome, error } from "../core/diagnostics.ts";
import { fileErrorMessage } from "./file-error.ts";

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC_0 && bytes[1] === GZIP_MAGIC_1;
}

/** Decodes file bytes (gzip or plain) as UTF-8 text, dropping a leading byte-order mark. */
export function decodeTextBytes(bytes: Uint8Array, fileName: string): Outcome<string | null> {
  let raw: Uint8Array = bytes;
  if (isGzip(bytes)) {
    try {
      raw = gunzipSync(bytes);
    } catch (e) {
      return { value: null, diagnostics: [error(fileName, `not a valid gzip file (${(e as Error).message})`)] };
    }
  }
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("utf8");
  return { value: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, diagnostics: [] };
}

/** Reads `path` as text (gunzipping if needed); `what` names the file in the message when it cannot be read. */
export function readTextFile(path: string, what = "file"): Outcome<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { value: null, diagnostics: [error(path, `cannot read ${what}: ${fileErrorMessage(e)}`)] };
  }
  return decodeTextBytes(bytes, path);
}
