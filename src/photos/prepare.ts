/**
 * Turns a file the customer picked into the request's image object: checked by its real
 * format and pixel count before anything is decoded, turned upright, scaled down and
 * re-encoded as JPEG. Re-encoding keeps only pixels, so EXIF (GPS position, camera serial)
 * never leaves the browser. The checks run here, on a file's first bytes; the decoding and
 * encoding in a worker where the page allows one (encode.ts).
 */
import { LIMITS } from '../fields.js';
import type { ImagePayload } from '../schema.js';
import { encode } from './encode.js';
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

  // A picture that cannot be decoded rejects: preparePhoto reports it as damaged.
  const { width, height, data } = await encode(file, maxEdge, quality);
  if (data.length > LIMITS.imageData) return problem('too-big');
  return { ok: true, image: { name: jpegName(file.name), type: 'image/jpeg', width, height, data } };
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
