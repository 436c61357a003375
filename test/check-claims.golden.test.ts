/**
 * Golden of `gigaplan check-claims --format json` (the Meta scenario and data/ as shipped), plus in-process CLI
 * checks of `check-claims` and `peers`. Refresh the golden with
 * `UPDATE_GOLDEN=1 npx vitest run test/check-claims.golden.test.ts` and review the diff of
 * test/golden/check-claims.json: every changed verdict must be explained by a changed data value or model.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";

const here = dirname(fileURLToPath(import.meta.url));
const goldenFile = join(here, "golden", "check-claims.json");

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe("check-claims golden", () => {
  let json: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    json = await cli(["check-claims", "--format", "json"]);
  });

  it("exits 0 and prints one JSON report", () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe("");
    const r = JSON.parse(json.stdout);
    expect(r.schemaVersion).toBe(1);
    expect(r.judgments).toHaveLength(29);
  });

  it("matches the reviewed golden", () => {
    const actual = JSON.parse(json.stdout);
    // A golden is written only on request: a missing golden fails (CI never rewrites its own reference).
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenFile, `${JSON.stringify(actual, null, 1)}\n`);
    expect(existsSync(goldenFile), `${goldenFile} is missing: create it with UPDATE_GOLDEN=1 and review it`).toBe(true);
    const expected = JSON.parse(readFileSync(goldenFile, "utf8"));
    // verdicts first, so a failure names the claims that changed
    const verdicts = (r: { judgments: { id: string; verdict: string }[] }) => Object.fromEntries(r.judgments.map((j) => [j.id, j.verdict]));
    expect(verdicts(actual)).toEqual(verdicts(expected));
    expect(actual).toEqual(expected);
  });
});

describe("check-claims and peers on the command line", () => {
  it("prints the verdict table and the arithmetic by default", async () => {
    const r = await cli(["check-claims", "--claim", "C12", "C26"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/C12 +unit-error/);
    expect(r.stdout).toMatch(/C26 +off-by-factor \(x1\.\d\d\)/);
    expect(r.stdout).toContain("power (GW) vs energy (GWh)");
    expect(r.stdout).not.toMatch(/^C01 /m);
  });

  it("rejects unknown claim ids and bad scenarios with exit code 2", async () => {
    const unknown = await cli(["check-claims", "--claim", "C99"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown claim id(s) C99");
    const dir = mkdtempSync(join(tmpdir(), "gigaplan-claims-"));
    try {
      const bad = join(dir, "bad.yaml");
      writeFileSync(bad, "program: { name: x }\nsites: []\n");
      const r = await cli(["check-claims", "--scenario", bad]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("no claims were checked");
      expect((await cli(["check-claims", "--scenario", join(dir, "missing.yaml")])).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints the peers comparison as table, JSON and CSV", async () => {
    const table = await cli(["peers"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("capex/OCF");
    const j = JSON.parse((await cli(["peers", "--format", "json"])).stdout);
    expect(j.schemaVersion).toBe(2);
    const meta2025 = j.years.find((r: { ticker: string; fiscalYear: number }) => r.ticker === "META" && r.fiscalYear === 2025);
    expect(meta2025.exclFinanceLeases.capexToRevenueFraction).toBeCloseTo(69.691 / 200.966, 10);
    expect(meta2025.inclFinanceLeases.capexToRevenueFraction).toBeCloseTo(72.215 / 200.966, 10);
    expect(j.capexDefinitions.inclFinanceLeases).toMatch(/principal repayments of finance leases/);
    const csv = (await cli(["peers", "--format", "csv"])).stdout.trim().split("\n");
    expect(csv[0].split(",").slice(6, 12)).toEqual(["reportedCapexUsd", "capexExclFinanceLeasesUsd", "financeLeasePrincipalRepaymentsUsd", "capexInclFinanceLeasesUsd", "financeLeaseStatus", "financeLeaseAdditionsUsd"]);
    expect(csv[0]).toContain("capexToOperatingCashFlowFractionExclFinanceLeases,capexToOperatingCashFlowFractionInclFinanceLeases");
    expect(csv.length).toBe(1 + j.years.length);
    expect((await cli(["peers", "--format", "xml"])).code).toBe(2);
  });
});
