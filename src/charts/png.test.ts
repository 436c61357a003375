import { crc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { base64, encodeIndexedPng, parseColor } from "./png.ts";
import { minifyPath, wrap } from "./svg.ts";

/** Chunks of a PNG file (type, data); each chunk's CRC-32 is checked against zlib's. */
function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const out: { type: string; data: Uint8Array }[] = [];
  const view = new DataView(png.buffer, png.byteOffset);
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    out.push({ type: String.fromCharCode(...png.subarray(at + 4, at + 8)), data: png.subarray(at + 8, at + 8 + len) });
    expect(view.getUint32(at + 8 + len)).toBe(crc32(png.subarray(at + 4, at + 8 + len)));
    at += 12 + len;
  }
  return out;
}

describe("encodeIndexedPng", () => {
  it("writes a PNG whose pixels zlib decodes back to the palette indices, row by row", () => {
    const width = 365;
    const height = 24;
    const indices = Uint8Array.from({ length: width * height }, (_, k) => (k * 7) % 3);
    const png = encodeIndexedPng(width, height, indices, [[0, 0, 0], [255, 0, 0], [1, 2, 3]]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(["IHDR", "PLTE", "IDAT", "IEND"]);
    const ihdr = new DataView(cs[0].data.buffer, cs[0].data.byteOffset);
    expect([ihdr.getUint32(0), ihdr.getUint32(4), cs[0].data[8], cs[0].data[9]]).toEqual([width, height, 8, 3]);
    expect([...cs[1].data]).toEqual([0, 0, 0, 255, 0, 0, 1, 2, 3]);
    const raw = inflateSync(cs[2].data); // also checks the Adler-32 of the zlib stream
    expect(raw.length).toBe(height * (width + 1));
    for (let y = 0; y < height; y++) {
      expect(raw[y * (width + 1)]).toBe(0);
      expect([...raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1))]).toEqual([...indices.subarray(y * width, (y + 1) * width)]);
    }
  });

  it("splits data over 65,535 bytes into several stored blocks", () => {
    const indices = new Uint8Array(400 * 200).fill(1);
    const png = encodeIndexedPng(400, 200, indices, [[0, 0, 0], [9, 9, 9]]);
    const idat = chunks(png).find((c) => c.type === "IDAT")!;
    expect(inflateSync(idat.data).length).toBe(200 * 401);
  });

  it("base64 and colours", () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 252, 253]);
    expect(base64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(base64(bytes.subarray(0, 5))).toBe(Buffer.from(bytes.subarray(0, 5)).toString("base64"));
    expect(parseColor("#21918c")).toEqual([0x21, 0x91, 0x8c]);
    expect(parseColor("rgb(1, 2, 255)")).toEqual([1, 2, 255]);
    expect(parseColor("#abc")).toEqual([0xaa, 0xbb, 0xcc]);
  });
});

describe("svg helpers", () => {
  it("minifyPath rounds to 0.1 px and writes horizontal and vertical segments as H and V", () => {
    expect(minifyPath("M56,135.7712L59.3611,135.7712L59.3611,135.49L62.71,135.49Z")).toBe("M56,135.8H59.4V135.5H62.7Z");
    expect(minifyPath("M0,0L-6,0")).toBe("M0,0H-6");
    expect(minifyPath("M1,1L1,1L2,3")).toBe("M1,1L2,3");
    expect(minifyPath("M0,-3v6")).toBe("M0,-3v6");
    expect(minifyPath("M0,0A3.14159,3.14159,0,1,1,0,6")).toBe("M0,0A3.1,3.1,0,1,1,0,6");
  });

  it("wrap keeps words whole and lines within the width", () => {
    const lines = wrap("Source: gigaplan model run of a scenario with a long name and a long note", 200, 10);
    expect(lines.join(" ")).toBe("Source: gigaplan model run of a scenario with a long name and a long note");
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor(200 / (10 * 0.58)));
  });
});
