/**
 * `gigaplan check-claims [--format table|json] [--scenario FILE] [--claim ID ...]`: judges every numeric claim of
 * the reference article against data/ and a model run of the scenario (default: the Meta scenario), the same
 * run as `gigaplan run` of that file (its weather and grid files included).
 * Exit codes: 0 when the claims were judged (whatever the verdicts), 2 when the scenario is unreadable or invalid.
 */
import { type Command, Option } from "commander";
import { checkClaims, formatDiagnostic, renderClaimReport } from "../index.ts";
import { bundledPath, nodeInputFiles } from "../io/input-files.ts";
import { readScenarioFile } from "../io/scenario-file.ts";
import { EXIT_BAD_INPUT, EXIT_OK, type Io } from "./io.ts";
import { type ProgressFlags, addProgressOptions, progressEnabled, stageReporter } from "./progress.ts";

export const DEFAULT_CLAIMS_SCENARIO = "scenarios/meta-600b.yaml";

export interface CheckClaimsCliOptions extends ProgressFlags {
  format: "table" | "json";
  scenario?: string;
  claim?: string[];
}

export async function checkClaimsCommand(opts: CheckClaimsCliOptions, io: Io): Promise<number> {
  const path = opts.scenario ?? bundledPath(DEFAULT_CLAIMS_SCENARIO);
  const label = opts.scenario ?? DEFAULT_CLAIMS_SCENARIO;
  const doc = readScenarioFile(path);
  if (!doc.value) {
    io.stderr(`error: ${label}: ${doc.diagnostics[0].message}\n`);
    return EXIT_BAD_INPUT;
  }
  const stages = stageReporter("check-claims", progressEnabled(opts, io), io);
  const report = await checkClaims(doc.value, { files: nodeInputFiles(path), claimIds: opts.claim, scenarioLabel: label, onStage: stages.stage });
  stages.done();
  if (!report.value) {
    const unknownIds = report.diagnostics.find((d) => d.path === "claimIds");
    if (unknownIds) io.stderr(`error: --claim: ${unknownIds.message}\n`);
    else {
      io.stderr(`${label}: the scenario has errors; no claims were checked\n`);
      for (const d of report.diagnostics.filter((x) => x.severity === "error")) io.stderr(`  ${formatDiagnostic(d)}\n`);
    }
    return EXIT_BAD_INPUT;
  }
  io.stdout(opts.format === "json" ? `${JSON.stringify(report.value, null, 2)}\n` : renderClaimReport(report.value));
  return EXIT_OK;
}

export function registerCheckClaims(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("check-claims")
    .description("judge every numeric claim of the reference article against data/ and a model run, showing the arithmetic and sources")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("--scenario <file>", `scenario to run for model-based claims (default ${DEFAULT_CLAIMS_SCENARIO})`)
    .option("--claim <id...>", "only show these claims (e.g. C12 C26)")
    .action(async (opts: CheckClaimsCliOptions) => setExit(await checkClaimsCommand(opts, io)));
  addProgressOptions(command);
}
