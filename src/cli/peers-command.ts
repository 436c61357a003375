/** `gigaplan peers [--format table|json|csv]`: capex / revenue, capex / operating cash flow and capex growth of the hyperscalers. */
import { type Command, Option } from "commander";
import { comparePeers } from "../peers/compare.ts";
import { PEERS_DATA_PATH, peersData } from "../peers/data.ts";
import { peersYearsTable, renderPeersText } from "../text/peers.ts";
import type { Io } from "./main.ts";
import { tableToCsv } from "../io/write-output.ts";

export const PEERS_SCHEMA_VERSION = 1;

export interface PeersOptions {
  format: "table" | "json" | "csv";
}

export function peersCommand(opts: PeersOptions, io: Io): number {
  const comparison = comparePeers(peersData);
  if (opts.format === "json") {
    io.stdout(`${JSON.stringify({ schemaVersion: PEERS_SCHEMA_VERSION, data: PEERS_DATA_PATH, sources: PEERS_DATA_PATH.replace(/\.json$/, ".meta.json"), ...comparison }, null, 2)}\n`);
  } else if (opts.format === "csv") io.stdout(tableToCsv(peersYearsTable(comparison)));
  else io.stdout(renderPeersText(comparison));
  return 0;
}

export function registerPeers(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("peers")
    .description("hyperscaler peers (Meta, Alphabet, Microsoft, Amazon, Oracle): capex vs revenue and operating cash flow, capex growth and guidance, with sources")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
    .action((opts: PeersOptions) => setExit(peersCommand(opts, io)));
}
