/**
 * What a picture file really is and how many pixels it holds, read from its first bytes
 * without decoding: a file's name and MIME type are whatever the customer's device says.
 * No DOM.
 *
 * `HEAD_BYTES` from the start are enough for every format but JPEG, whose size sits in a SOFn
 * segment after the APPn segments (EXIF, ICC profile, XMP…). Each of those is at most 64 KB and
 * phones write one or two, so the SOFn is nearly always within the head; when it is not, the
 * result is `jpeg` without a size and the caller sniffs the whole file (reading bytes is
 * cheap, it is decoding them that a size check must come before).
 */

export type Sniffed = {
  kind: 'jpeg' | 'png' | 'webp' | 'heic' | 'gif' | 'unknown';
  width?: number;
  height?: number;
};

/** Bytes to read first. */
export const HEAD_BYTES = 64 * 1024;

/**
 * Most pixels a picture may have to be decoded: 48 and 50 MP phone cameras pass, decompression
 * bombs (a small file decoding to gigabytes) do not.
 */
export const MAX_PIXELS = 50_000_000;

// HEIF brands of HEVC pictures; AVIF shares `mif1` but carries its own `avif`/`avis` brand.
const HEIC_BRANDS = /^(hei[cmsx]|hev[cmsx]|mif1|msf1)$/;
const AVIF_BRANDS = /^avi[fs]$/;

const ascii = (b: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...b.subarray(at, at + length));

const sized = (kind: Sniffed['kind'], width: number, height: number): Sniffed =>
  width > 0 && height > 0 ? { kind, width, height } : { kind };

export function sniff(bytes: Uint8Array): Sniffed {
  const b = bytes;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u32 = (at: number) => (at + 4 <= b.length ? view.getUint32(at) : 0);
  const le16 = (at: number) => (at + 2 <= b.length ? view.getUint16(at, true) : 0);
  const le24 = (at: number) => le16(at) + ((b[at + 2] ?? 0) << 16);

  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const { width, height } = walkJpeg(b, false);
    return sized('jpeg', width, height);
  }
  if (u32(0) === 0x89504e47 && u32(4) === 0x0d0a1a0a) {
    // IHDR must be the first chunk; anything else is not a PNG a browser decodes.
    return ascii(b, 12, 4) === 'IHDR' ? sized('png', u32(16), u32(20)) : { kind: 'png' };
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    switch (ascii(b, 12, 4)) {
      case 'VP8 ': // lossy: key frame start code, then 14-bit sizes (2 bits of scale above)
        return b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a
          ? sized('webp', le16(26) & 0x3fff, le16(28) & 0x3fff)
          : { kind: 'webp' };
      case 'VP8L': {
        // lossless: signature 0x2f, then width-1 and height-1 as 14-bit fields
        if (b[20] !== 0x2f) return { kind: 'webp' };
        const bits = view.byteLength >= 25 ? view.getUint32(21, true) : 0;
        return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
      }
      case 'VP8X': // extended: 24-bit canvas width-1 and height-1
        return b.length >= 30 ? sized('webp', le24(24) + 1, le24(27) + 1) : { kind: 'webp' };
      default:
        return { kind: 'webp' };
    }
  }
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return { kind: 'gif' };
  if (ascii(b, 4, 4) === 'ftyp') {
    const end = Math.min(u32(0), b.length);
    const brands = [ascii(b, 8, 4)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(b, at, 4));
    if (brands.some((brand) => HEIC_BRANDS.test(brand)) && !brands.some((brand) => AVIF_BRANDS.test(brand))) {
      return { kind: 'heic' };
    }
  }
  return { kind: 'unknown' };
}

/**
 * Whether a JPEG or PNG stops before its end marker; needs the whole file. Firefox draws such
 * a file with a blank remainder instead of failing (truncated WebP fails in both browsers).
 */
export function isTruncated(bytes: Uint8Array): boolean {
  const kind = sniff(bytes.subarray(0, 32)).kind;
  if (kind === 'jpeg') return !walkJpeg(bytes, true).ended;
  if (kind !== 'png') return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; at += 12 + view.getUint32(at)) {
    if (ascii(bytes, at + 4, 4) === 'IEND') return false;
  }
  return true;
}

/**
 * Walks a JPEG's segments from SOI: the frame size from the first SOFn, and whether EOI is
 * reached. Without `toEnd` it stops at that SOFn, or at the first scan when there is none.
 */
function walkJpeg(b: Uint8Array, toEnd: boolean): { width: number; height: number; ended: boolean } {
  const u16 = (at: number) => (at + 2 <= b.length ? ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0) : 0);
  let width = 0;
  let height = 0;
  let at = 2;
  while (at + 2 <= b.length) {
    if (b[at] !== 0xff) {
      // Stray bytes between segments: decoders skip to the next marker, and so does this walk.
      at = b.indexOf(0xff, at);
      if (at < 0) break;
      continue;
    }
    const marker = b[at + 1] ?? 0;
    if (marker === 0xd9) return { width, height, ended: true };
    // A fill byte before a marker, or a marker without a length (TEM, RSTn).
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && !width) {
      height = u16(at + 5);
      width = u16(at + 7);
      if (!toEnd) break;
    }
    if (marker === 0xda && !toEnd) break;
    at += 2 + u16(at + 2); // APPn (EXIF included), DQT, DHT, COM, SOS header…: skip by length
    // Entropy-coded data after SOS runs to the next marker that is not a stuffed FF00 or RSTn.
    while (marker === 0xda) {
      at = b.indexOf(0xff, at);
      const next = at < 0 ? undefined : b[at + 1];
      if (next === undefined) return { width, height, ended: false };
      if (next !== 0x00 && next !== 0xff && (next < 0xd0 || next > 0xd7)) break;
      at += next === 0xff ? 1 : 2;
    }
  }
  return { width, height, ended: false };
}
