/**
 * The scenario in the page's URL, so a view can be shared: `#s=<base64url of the deflate-compressed YAML>`
 * (CompressionStream "deflate-raw"), or `#preset=<id>` while the text is a preset unchanged. Nothing leaves the
 * browser: the fragment is never sent to a server.
 */

const toBase64Url = (bytes: Uint8Array): string => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};

const fromBase64Url = (text: string): Uint8Array => {
  const b64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function compressText(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw")));
}

export async function decompressText(encoded: string): Promise<string> {
  return new TextDecoder("utf-8", { fatal: true }).decode(await pipe(fromBase64Url(encoded), new DecompressionStream("deflate-raw")));
}

export type HashState = { kind: "text"; text: string } | { kind: "preset"; id: string } | { kind: "none" } | { kind: "invalid"; reason: string };

/** The fragment for a scenario text (`presetId` when the text is that preset, unchanged). */
export async function hashFor(text: string, presetId: string | null): Promise<string> {
  return presetId ? `#preset=${encodeURIComponent(presetId)}` : `#s=${await compressText(text)}`;
}

/** What a fragment holds. */
export async function readHash(hash: string): Promise<HashState> {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const preset = params.get("preset");
  if (preset) return { kind: "preset", id: preset };
  const s = params.get("s");
  if (s === null) return { kind: "none" };
  try {
    return { kind: "text", text: await decompressText(s) };
  } catch (e) {
    return { kind: "invalid", reason: (e as Error).message };
  }
}
