/** `peers`: the hyperscalers' capex against revenue and operating cash flow, capex growth and guidance, with sources. */
import { PEERS_DATA_PATH, peersData } from "../data/index.ts";
import { type PeersComparison, comparePeers } from "../peers/compare.ts";

export const PEERS_SCHEMA_VERSION = 2;

export interface PeersReport extends PeersComparison {
  schemaVersion: number;
  /** the dataset and its provenance file */
  data: string;
  sources: string;
}

export function peers(): PeersReport {
  return { schemaVersion: PEERS_SCHEMA_VERSION, data: PEERS_DATA_PATH, sources: PEERS_DATA_PATH.replace(/\.json$/, ".meta.json"), ...comparePeers(peersData) };
}
