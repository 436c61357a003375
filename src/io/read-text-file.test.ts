import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { decodeTextBytes, isGzip, readTextFile } from "./read-text-file.ts";

const dir = mkdtempSync(join(tmpdir(), "gigaplan-read-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readTextFile", () => {
  it("reads plain and gzip files to the same text", () => {
    const text = "a,b\n1,2\n";
    writeFileSync(join(dir, "plain.csv"), text);
    writeFileSync(join(dir, "packed.csv.gz"), gzipSync(Buffer.from(text)));
    writeFileSync(join(dir, "renamed.csv"), gzipSync(Buffer.from(text)));
    expect(readTextFile(join(dir, "plain.csv"))).toEqual({ value: text, diagnostics: [] });
    expect(readTextFile(join(dir, "packed.csv.gz"))).toEqual({ value: text, diagnostics: [] });
    expect(readTextFile(join(dir, "renamed.csv")).value).toBe(text);
  });

  it("drops a UTF-8 byte-order mark", () => {
    expect(decodeTextBytes(Buffer.from("\ufeffx,y\n"), "f").value).toBe("x,y\n");
  });

  it("reports a missing file and a corrupt gzip as diagnostics with the path", () => {
    const missing = readTextFile(join(dir, "nope.srw"));
    expect(missing.value).toBeNull();
    expect(missing.diagnostics[0]).toMatchObject({ severity: "error", path: join(dir, "nope.srw") });
    expect(missing.diagnostics[0].message).toBe("cannot read file: no such file");
    const corrupt = decodeTextBytes(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), "bad.gz");
    expect(corrupt.value).toBeNull();
    expect(corrupt.diagnostics[0].message).toContain("gzip");
  });

  it("detects gzip by magic bytes only", () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b]))).toBe(true);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
    expect(isGzip(Buffer.from("1f8b"))).toBe(false);
  });
});
