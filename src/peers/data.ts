/** The peers dataset (data/peers/peers.json) and its provenance, validated at import like `referenceData`. */
import peersJson from "../../data/peers/peers.json" with { type: "json" };
import peersMetaJson from "../../data/peers/peers.meta.json" with { type: "json" };
import { MetaFileSchema, type MetaFile } from "../data/index.ts";
import { PeersFileSchema, type PeersFile } from "../data/peers.ts";

function parseOrThrow<T>(what: string, parse: () => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  const r = parse();
  if (!r.success) throw new Error(`invalid ${what}:\n${r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  return r.data;
}

export const PEERS_DATA_PATH = "data/peers/peers.json";
export const peersData: PeersFile = parseOrThrow(PEERS_DATA_PATH, () => PeersFileSchema.safeParse(peersJson));
export const peersMeta: MetaFile = parseOrThrow("data/peers/peers.meta.json", () => MetaFileSchema.safeParse(peersMetaJson));
