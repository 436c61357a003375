import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_FILES, run } from "../../../src/index.ts";
import { nodeInputFiles } from "../../../src/io/index.ts";
import { bundledUrl, fetchInputFiles } from "./fetch-files.ts";

const REPO = new URL("../../../", import.meta.url).pathname;
const META = join(REPO, "scenarios/meta-600b.yaml");
const DATA_ROOT = "http://127.0.0.1:1/data/";

/** A fetch that serves the repository's data/ folder (as the server and the static build do), counting requests. */
function repoFetch(requests: string[]): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    requests.push(url);
    const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, "");
    try {
      return new Response(readFileSync(join(REPO, path)));
    } catch {
      return new Response("not found", { status: 404 });
    }
  }) as typeof fetch;
}

describe("fetchInputFiles", () => {
  it("maps bundled files to URLs below the data root and refuses anything else", () => {
    expect(bundledUrl("data/weather/a b.csv.gz", DATA_ROOT)).toBe("http://127.0.0.1:1/data/weather/a%20b.csv.gz");
    expect(bundledUrl("data/../package.json", DATA_ROOT)).toBeNull();
    expect(bundledUrl("data/claims/claims.json", DATA_ROOT)).toBeNull();
  });

  it("reads and gunzips what the Node reader reads, fetching each file once", async () => {
    const requests: string[] = [];
    const files = fetchInputFiles({ dataRoot: DATA_ROOT, fetch: repoFetch(requests) });
    const node = nodeInputFiles(META);
    for (const path of Object.values(DEFAULT_FILES)) {
      const a = await files.read({ origin: "bundled", path });
      const b = await node.read({ origin: "bundled", path });
      expect(a.value?.text).toBe(b.value?.text);
    }
    await files.read({ origin: "bundled", path: DEFAULT_FILES.solar });
    expect(requests).toHaveLength(Object.keys(DEFAULT_FILES).length);
  });

  it("reports a missing file and a scenario-named file as diagnostics at the file's path", async () => {
    const files = fetchInputFiles({ dataRoot: DATA_ROOT, fetch: repoFetch([]) });
    const missing = await files.read({ origin: "bundled", path: "data/weather/nope.csv" });
    expect(missing.value).toBeNull();
    expect(missing.diagnostics[0]).toMatchObject({ path: "data/weather/nope.csv", severity: "error" });
    expect(missing.diagnostics[0].message).toMatch(/HTTP 404/);
    const own = await files.read({ origin: "scenario", path: "../weather/site.csv" });
    expect(own.diagnostics[0]).toMatchObject({ path: "../weather/site.csv", severity: "error" });
  });

  it("gives the same run as the Node files (the hourly pass of the Meta scenario)", async () => {
    const doc = { text: readFileSync(META, "utf8"), name: "meta-600b.yaml" };
    const viaFetch = await run(doc, { files: fetchInputFiles({ dataRoot: DATA_ROOT, fetch: repoFetch([]) }) });
    const viaNode = await run(doc, { files: nodeInputFiles(META) });
    expect(viaFetch.result?.summary).toEqual(viaNode.result?.summary);
    expect(viaFetch.result?.tables.powerSitesYearly).toEqual(viaNode.result?.tables.powerSitesYearly);
  });
});
