import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HEAD_BYTES, MAX_PIXELS, isTruncated, sniff } from '../../src/photos/sniff.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : [...part])));
const be16 = (n: number) => [n >> 8, n & 0xff];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
const le24 = (n: number) => le32(n).slice(0, 3);

/** A JPEG segment: marker and its length-prefixed payload. */
const segment = (marker: number, payload: number[]) => [0xff, marker, ...be16(payload.length + 2), ...payload];
/** SOF0 for an 8-bit, 3-component frame. */
const sof0 = (width: number, height: number) =>
  segment(0xc0, [8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
const SOS = segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);

describe('sniff: the fixtures', () => {
  it('reads the phone photo as a 4032×3024 JPEG, its orientation left to the decoder', () => {
    assert.deepEqual(sniff(fixture('phone-12mp-gps-rotated.jpg')), { kind: 'jpeg', width: 4032, height: 3024 });
  });

  it('needs only the first HEAD_BYTES of the phone photo', () => {
    const head = fixture('phone-12mp-gps-rotated.jpg').subarray(0, HEAD_BYTES);
    assert.deepEqual(sniff(head), { kind: 'jpeg', width: 4032, height: 3024 });
  });

  it('reads a PNG’s size from IHDR', () => {
    assert.deepEqual(sniff(fixture('damaged-box.png')), { kind: 'png', width: 1600, height: 1200 });
  });

  it('reads a lossy WebP’s size from its VP8 key frame', () => {
    assert.deepEqual(sniff(fixture('label.webp')), { kind: 'webp', width: 640, height: 480 });
  });

  it('knows HEIC by its ftyp brands', () => {
    assert.deepEqual(sniff(fixture('iphone.heic')), { kind: 'heic' });
  });

  it('reads the bomb’s 20000×20000 from its header, over MAX_PIXELS', () => {
    const found = sniff(fixture('bomb-20000x20000.png'));
    assert.deepEqual(found, { kind: 'png', width: 20000, height: 20000 });
    assert.ok(found.width! * found.height! > MAX_PIXELS);
  });

  it('lets a 12 MP phone photo and a 50 MP camera frame through MAX_PIXELS', () => {
    assert.ok(4032 * 3024 <= MAX_PIXELS);
    assert.ok(8160 * 6120 <= MAX_PIXELS);
  });

  it('does not believe a text file named .jpg', () => {
    assert.deepEqual(sniff(fixture('not-an-image.jpg')), { kind: 'unknown' });
  });

  it('still reads the truncated JPEG’s header', () => {
    assert.deepEqual(sniff(fixture('truncated.jpg')), { kind: 'jpeg', width: 4032, height: 3024 });
  });

  it('calls an empty file unknown', () => {
    assert.deepEqual(sniff(fixture('empty.jpg')), { kind: 'unknown' });
  });
});

describe('sniff: hand-made headers', () => {
  it('reads a lossless WebP (VP8L)', () => {
    // 14-bit width-1 and height-1 packed little-endian after the 0x2f signature.
    const packed = (1234 - 1) | ((567 - 1) << 14);
    const webp = bytes('RIFF', le32(30), 'WEBP', 'VP8L', le32(10), [0x2f], le32(packed), [0, 0, 0, 0, 0]);
    assert.deepEqual(sniff(webp), { kind: 'webp', width: 1234, height: 567 });
  });

  it('reads an extended WebP (VP8X) canvas, up to 24-bit sizes', () => {
    const webp = bytes('RIFF', le32(30), 'WEBP', 'VP8X', le32(10), [0x10, 0, 0, 0], le24(70000 - 1), le24(300 - 1));
    assert.deepEqual(sniff(webp), { kind: 'webp', width: 70000, height: 300 });
  });

  it('skips a large APP1 (EXIF) and other segments to reach SOF', () => {
    const exif = segment(0xe1, [...bytes('Exif\0\0'), ...new Array(60000).fill(0xff)]);
    const jpeg = bytes([0xff, 0xd8], segment(0xe0, [...bytes('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]), exif,
      segment(0xdb, new Array(65).fill(1)), sof0(800, 600), SOS);
    assert.deepEqual(sniff(jpeg), { kind: 'jpeg', width: 800, height: 600 });
  });

  it('gives no size when SOF lies beyond the bytes passed, and finds it in the whole file', () => {
    const app = (marker: number) => segment(marker, new Array(65000).fill(0));
    const jpeg = bytes([0xff, 0xd8], app(0xe1), app(0xe2), sof0(4000, 3000), SOS);
    assert.deepEqual(sniff(jpeg.subarray(0, HEAD_BYTES)), { kind: 'jpeg' });
    assert.deepEqual(sniff(jpeg), { kind: 'jpeg', width: 4000, height: 3000 });
  });

  it('reads progressive JPEGs (SOF2) and ignores DHT, whose marker sits among the SOFs', () => {
    const jpeg = bytes([0xff, 0xd8], segment(0xc4, [0, ...new Array(16).fill(0)]), segment(0xc2, sof0(10, 20).slice(4)));
    assert.deepEqual(sniff(jpeg), { kind: 'jpeg', width: 10, height: 20 });
  });

  it('gives a JPEG with no frame header before its scan no size', () => {
    assert.deepEqual(sniff(bytes([0xff, 0xd8], SOS, [1, 2, 3, 0xff, 0xd9])), { kind: 'jpeg' });
  });

  it('knows GIFs, and calls AVIF (also a HEIF brand family) unknown rather than HEIC', () => {
    assert.deepEqual(sniff(bytes('GIF89a', [1, 0, 1, 0])), { kind: 'gif' });
    const ftyp = (...brands: string[]) => bytes([0, 0, 0, 8 + 4 * brands.length], 'ftyp', ...brands);
    assert.deepEqual(sniff(ftyp('avif', '\0\0\0\0', 'mif1', 'miaf')), { kind: 'unknown' });
    assert.deepEqual(sniff(ftyp('mif1', '\0\0\0\0', 'mif1', 'heic')), { kind: 'heic' });
  });
});

describe('isTruncated', () => {
  it('finds the end of a complete JPEG and PNG', () => {
    assert.equal(isTruncated(fixture('phone-12mp-gps-rotated.jpg')), false);
    assert.equal(isTruncated(fixture('damaged-box.png')), false);
  });

  it('notices a JPEG or PNG cut short', () => {
    assert.equal(isTruncated(fixture('truncated.jpg')), true);
    const photo = fixture('phone-12mp-gps-rotated.jpg');
    assert.equal(isTruncated(photo.subarray(0, photo.length - 2)), true);
    const png = fixture('damaged-box.png');
    assert.equal(isTruncated(png.subarray(0, 2_000_000)), true);
  });

  it('reads through stuffed bytes, restart markers and fill bytes in the scan data', () => {
    const scan = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0xd9];
    assert.equal(isTruncated(bytes([0xff, 0xd8], sof0(1, 1), SOS, scan)), false);
    assert.equal(isTruncated(bytes([0xff, 0xd8], sof0(1, 1), SOS, scan.slice(0, 7))), true);
  });

  it('leaves other formats to the decoder', () => {
    assert.equal(isTruncated(fixture('label.webp').subarray(0, 100)), false);
  });
});
