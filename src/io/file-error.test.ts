/** File-system errors as sentences, not codes. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileErrorMessage } from "./file-error.ts";
import { readTextFile } from "./read-text-file.ts";
import { readScenarioFile } from "./scenario-file.ts";

const dir = mkdtempSync(join(tmpdir(), "gigaplan-file-error-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fileErrorMessage", () => {
  it("says why a file cannot be read in words", () => {
    expect(readScenarioFile(join(dir, "nope.yaml")).diagnostics[0].message).toBe("cannot read scenario: no such file");
    expect(readScenarioFile(dir).diagnostics[0].message).toBe("cannot read scenario: it is a directory, not a file");
    expect(readTextFile(join(dir, "nope", "x.csv"), "weather file").diagnostics[0].message).toBe("cannot read weather file: no such file");
    expect(fileErrorMessage(Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: "EACCES" }))).toBe("permission denied");
    // a code without a sentence keeps Node's words, not the code
    expect(fileErrorMessage(Object.assign(new Error("EROFS: read-only file system, open 'x'"), { code: "EROFS" }))).toBe("read-only file system");
  });
});
