/**
 * Turns a file the customer picked into the request's image object: checked by its real
 * format and pixel count before anything is decoded, turned upright, scaled down and
 * re-encoded as JPEG. Re-encoding keeps only pixels, so EXIF (GPS position, camera serial)
 * never leaves the browser. Runs on the main thread: decoding and encoding are asynchronous
 * in the browsers, and a worker would need a `worker-src` the host page's CSP may not allow.
 */
import { LIMITS } from '../fields.js';
import type { ImagePayload } from '../schema.js';
import { HEAD_BYTES, isTruncated, MAX_PIXELS, sniff, type Sniffed } from './sniff.js';

export type PhotoProblem = 'empty' | 'not-image' | 'heic' | 'too-big' | 'damaged';

export type PreparedPhoto = { ok: true; image: ImagePayload } | { ok: false; problem: PhotoProblem };

export interface PrepareOptions {
  /** Longest edge of the result in pixels (default 2048). */
  maxEdge?: number;
  /** JPEG quality from 0 to 1 (default 0.85). */
  quality?: number;
}

/** Never rejects: an unexpected failure is reported as `damaged`. */
export async function preparePhoto(file: File, options: PrepareOptions = {}): Promise<PreparedPhoto> {
  try {
    return await prepare(file, options.maxEdge ?? 2048, options.quality ?? 0.85);
  } catch {
    return problem('damaged');
  }
}

const problem = (reason: PhotoProblem): PreparedPhoto => ({ ok: false, problem: reason });

const readHead = async (file: File) => sniff(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()));

/** What the first bytes already rule out: an empty file, HEIC, or not a picture. */
const early = (file: File, { kind }: Sniffed): PhotoProblem | undefined =>
  file.size === 0 ? 'empty' : kind === 'heic' ? 'heic' : kind === 'unknown' || kind === 'gif' ? 'not-image' : undefined;

/**
 * What is wrong with a file by its first bytes alone, without decoding it: for a file there is
 * no room for, whose own problem helps the customer more.
 */
export const headProblem = async (file: File): Promise<PhotoProblem | undefined> =>
  file.size === 0 ? 'empty' : early(file, await readHead(file));

async function prepare(file: File, maxEdge: number, quality: number): Promise<PreparedPhoto> {
  if (file.size === 0) return problem('empty');
  let found = await readHead(file);
  const refused = early(file, found);
  if (refused) return problem(refused);
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A JPEG's frame header may sit behind more APPn segments than the head holds.
  if (!found.width) found = sniff(bytes);
  // No readable size means no way to rule out a decompression bomb: refuse to decode it.
  if (!found.width || !found.height) return problem('damaged');
  if (found.width * found.height > MAX_PIXELS) return problem('too-big');
  if (isTruncated(bytes)) return problem('damaged');

  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  let width: number;
  let height: number;
  let jpeg: Blob;
  try {
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
    width = Math.max(1, Math.round(bitmap.width * scale));
    height = Math.max(1, Math.round(bitmap.height * scale));
    jpeg = await encode(bitmap, width, height, quality);
  } finally {
    bitmap.close();
  }
  const data = base64(new Uint8Array(await jpeg.arrayBuffer()));
  if (data.length > LIMITS.imageData) return problem('too-big');
  return { ok: true, image: { name: jpegName(file.name), type: 'image/jpeg', width, height, data } };
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  // Safari before 16.4 has no OffscreenCanvas, and some versions have one without a 2D context.
  const offscreen = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : undefined;
  const context = offscreen?.getContext('2d');
  if (offscreen && context) {
    draw(context, bitmap, width, height);
    return offscreen.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  const fallback = canvas.getContext('2d');
  if (!fallback) throw new Error('No 2D canvas');
  draw(fallback, bitmap, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality),
  );
}

function draw(
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  bitmap: ImageBitmap,
  width: number,
  height: number,
): void {
  // JPEG has no transparency: transparent parts of a PNG or WebP would otherwise turn black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
}

/** Base64 in chunks: one `fromCharCode` over megabytes would overflow the call stack. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** "IMG_1234.HEIC" → "IMG_1234.jpg", within the schema's name length. */
function jpegName(name: string): string {
  const base = name
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, LIMITS.imageName - 4)
    .replace(/[\uD800-\uDBFF]$/, ''); // a cut surrogate pair would not survive JSON
  return `${base || 'photo'}.jpg`;
}
