/**
 * `gigaplan check-claims [--format table|json] [--scenario FILE] [--claim ID ...]`: judges every numeric claim of
 * the reference article against data/ and a model run of the scenario (default: the Meta scenario).
 * Exit codes: 0 when the claims were judged (whatever the verdicts), 2 when the scenario is unreadable or invalid.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Command, Option } from "commander";
import { checkClaims } from "../claims/check.ts";
import { claimInputs } from "../claims/inputs.ts";
import { renderClaimReport } from "../text/claims.ts";
import { type ClaimReport, VERDICTS } from "../claims/types.ts";
import { formatDiagnostic, hasErrors } from "../core/diagnostics.ts";
import { runText } from "../pipeline/run.ts";
import { parseScenarioText } from "../scenario/load.ts";
import type { Io } from "./main.ts";

export const DEFAULT_CLAIMS_SCENARIO = "scenarios/meta-600b.yaml";
const defaultScenarioPath = (): string => fileURLToPath(new URL(`../../${DEFAULT_CLAIMS_SCENARIO}`, import.meta.url));

export interface CheckClaimsOptions {
  format: "table" | "json";
  scenario?: string;
  claim?: string[];
}

/** Runs the scenario and checks the claims; null (with messages on stderr) when the scenario cannot be run. */
export function claimReportFor(scenarioFile: string | undefined, io: Io): ClaimReport | null {
  const path = scenarioFile ?? defaultScenarioPath();
  const label = scenarioFile ?? DEFAULT_CLAIMS_SCENARIO;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    io.stderr(`error: ${label}: cannot read scenario (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return null;
  }
  const parsed = parseScenarioText(text, path);
  const { result, diagnostics } = runText(text, path);
  if (!parsed.value || !result || hasErrors(diagnostics)) {
    io.stderr(`${label}: the scenario has errors; no claims were checked\n`);
    for (const d of [...parsed.diagnostics, ...diagnostics].filter((x) => x.severity === "error")) io.stderr(`  ${formatDiagnostic(d)}\n`);
    return null;
  }
  return checkClaims(claimInputs(result, parsed.value, label));
}

/** The report restricted to some claims, with the counts recomputed. */
function selectClaims(report: ClaimReport, ids: readonly string[]): ClaimReport {
  const judgments = report.judgments.filter((j) => ids.includes(j.id));
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, judgments.filter((j) => j.verdict === v).length])) as ClaimReport["counts"];
  return { ...report, judgments, counts };
}

export function checkClaimsCommand(opts: CheckClaimsOptions, io: Io): number {
  const report = claimReportFor(opts.scenario, io);
  if (!report) return 2;
  const wanted = (opts.claim ?? []).map((c) => c.toUpperCase());
  const unknown = wanted.filter((id) => !report.judgments.some((j) => j.id === id));
  if (unknown.length > 0) {
    io.stderr(`error: --claim: unknown claim id(s) ${unknown.join(", ")} (known: C01-C${String(report.judgments.length).padStart(2, "0")})\n`);
    return 2;
  }
  const shown = wanted.length > 0 ? selectClaims(report, wanted) : report;
  io.stdout(opts.format === "json" ? `${JSON.stringify(shown, null, 2)}\n` : renderClaimReport(shown));
  return 0;
}

export function registerCheckClaims(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("check-claims")
    .description("judge every numeric claim of the reference article against data/ and a model run, showing the arithmetic and sources")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("--scenario <file>", `scenario to run for model-based claims (default ${DEFAULT_CLAIMS_SCENARIO})`)
    .option("--claim <id...>", "only show these claims (e.g. C12 C26)")
    .action((opts: CheckClaimsOptions) => setExit(checkClaimsCommand(opts, io)));
}
