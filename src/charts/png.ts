/**
 * A minimal PNG encoder for heatmaps: an indexed-colour image (palette of up to 256 colours, one byte a pixel) in
 * stored (uncompressed) deflate blocks, as a data: URL. A 365 × 24 heatmap is ~9 kB: small enough to inline in a
 * standalone SVG, where 8,760 <rect> elements would take ~700 kB. (Plot's raster mark does the same with a canvas,
 * which jsdom does not have.) Pure: no zlib, no canvas.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

class ByteWriter {
  private bytes: number[] = [];
  u8(x: number): void {
    this.bytes.push(x & 0xff);
  }
  u16le(x: number): void {
    this.u8(x);
    this.u8(x >>> 8);
  }
  u32be(x: number): void {
    this.u8(x >>> 24);
    this.u8(x >>> 16);
    this.u8(x >>> 8);
    this.u8(x);
  }
  all(b: ArrayLike<number>): void {
    for (let i = 0; i < b.length; i++) this.bytes.push(b[i]);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** zlib stream of stored deflate blocks (no compression). */
function zlibStored(raw: Uint8Array): Uint8Array {
  const w = new ByteWriter();
  w.u8(0x78);
  w.u8(0x01);
  const max = 65535;
  for (let at = 0; at < raw.length || at === 0; at += max) {
    const len = Math.min(max, raw.length - at);
    w.u8(at + len >= raw.length ? 1 : 0);
    w.u16le(len);
    w.u16le(~len & 0xffff);
    w.all(raw.subarray(at, at + len));
    if (raw.length === 0) break;
  }
  w.u32be(adler32(raw));
  return w.done();
}

function chunk(w: ByteWriter, type: string, data: Uint8Array): void {
  const body = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) body[i] = type.charCodeAt(i);
  body.set(data, 4);
  w.u32be(data.length);
  w.all(body);
  w.u32be(crc32(body, 0, body.length));
}

/**
 * PNG bytes of a `width` × `height` image whose pixel (x, y) has colour palette[indices[y·width + x]];
 * palette entries are [r, g, b] (0–255), at most 256.
 */
export function encodeIndexedPng(width: number, height: number, indices: Uint8Array, palette: [number, number, number][]): Uint8Array {
  if (indices.length !== width * height) throw new Error(`encodeIndexedPng: ${indices.length} indices for ${width}×${height} pixels`);
  if (palette.length < 1 || palette.length > 256) throw new Error("encodeIndexedPng: the palette needs 1 to 256 colours");
  const w = new ByteWriter();
  w.all([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = new ByteWriter();
  ihdr.u32be(width);
  ihdr.u32be(height);
  ihdr.all([8, 3, 0, 0, 0]); // 8-bit indexed colour, deflate, no filter method, no interlace
  chunk(w, "IHDR", ihdr.done());
  chunk(w, "PLTE", Uint8Array.from(palette.flat()));
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) raw.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1); // filter byte 0
  chunk(w, "IDAT", zlibStored(raw));
  chunk(w, "IEND", new Uint8Array(0));
  return w.done();
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? B64[n & 63] : "=");
  }
  return out;
}

/** "#rrggbb", "#rgb" or "rgb(r, g, b)" as [r, g, b]. */
export function parseColor(css: string): [number, number, number] {
  const s = css.trim();
  const m = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const hex = s.replace("#", "");
  const full = hex.length === 3 ? hex.split("").map((c) => c + c).join("") : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}
