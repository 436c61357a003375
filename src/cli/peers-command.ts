/** `gigaplan peers [--format table|json|csv]`: capex / revenue, capex / operating cash flow and capex growth of the hyperscalers. */
import { type Command, Option } from "commander";
import { peers, peersYearsTable, renderPeersText } from "../index.ts";
import { tableToCsv } from "../io/write-output.ts";
import { EXIT_OK, type Io } from "./io.ts";

export interface PeersOptions {
  format: "table" | "json" | "csv";
}

export function peersCommand(opts: PeersOptions, io: Io): number {
  const report = peers();
  if (opts.format === "json") io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (opts.format === "csv") io.stdout(tableToCsv(peersYearsTable(report)));
  else io.stdout(renderPeersText(report));
  return EXIT_OK;
}

export function registerPeers(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("peers")
    .description("hyperscaler peers (Meta, Alphabet, Microsoft, Amazon, Oracle): capex vs revenue and operating cash flow, capex growth and guidance, with sources")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .action((opts: PeersOptions) => setExit(peersCommand(opts, io)));
}
