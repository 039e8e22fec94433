/**
 * The heavy part of preparing a photo: decoding it upright, scaling it down and encoding it as
 * JPEG in base64. It runs in a worker made from a blob: URL (which the captcha needs the page to
 * allow anyway), so that no part of it holds the main thread. Where the page's CSP or the browser
 * refuses such a worker, or the worker cannot draw (no OffscreenCanvas), the same code runs on
 * the main thread, drawing in bands with a pause between them.
 */
import { nextTask } from '../form/start.js';
import { withTrustedWorkers } from '../trusted-workers.js';
import type { ImagePayload } from '../schema.js';

/** The photo's pixels: the JPEG in base64 (no `data:` prefix) and its size. */
type Encoded = Pick<ImagePayload, 'width' | 'height' | 'data'>;

/** Thrown when the picture itself could not be decoded: the file is damaged, not the place. */
const UNDECODABLE = 'undecodable';

/**
 * Self-contained (it uses nothing from outside its own body), so that its source is also the
 * worker's script. With `pause`, on the main thread, it draws in bands and awaits `pause`
 * between them. Throws `undecodable` (UNDECODABLE, written out here) for a picture that
 * cannot be decoded.
 */
async function encodePhoto(file: Blob, maxEdge: number, quality: number, pause?: () => Promise<unknown>): Promise<Encoded> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new Error('undecodable');
  }
  try {
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    // Safari before 16.4 has no OffscreenCanvas, and some versions have one without a 2D
    // context; a worker has no document to fall back on, and throws.
    const offscreen = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : undefined;
    const context = (offscreen?.getContext('2d') ??
      Object.assign(document.createElement('canvas'), { width, height }).getContext('2d')) as
      | CanvasRenderingContext2D
      | OffscreenCanvasRenderingContext2D
      | null;
    if (!context) throw new Error('No 2D canvas');
    const { canvas } = context;
    // JPEG has no transparency: transparent parts of a PNG or WebP would otherwise turn black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    // On the main thread, bands of 128 rows of the result, each a short task of its own. Each
    // band starts on a whole row of the result (no seam blended with the white) and at the
    // source row that row maps to, fractions included, so that the bands add up to one draw.
    const band = pause ? 128 : height;
    // A canvas draws when it is read, not when told to: a one-pixel read keeps each band's work
    // in its own slice, where it would otherwise all come with the next band or the encoding.
    const flush = () => context.getImageData(0, 0, 1, 1);
    const rowsPerRow = bitmap.height / height;
    if (pause) {
      // The first scaled draw of a bitmap first builds its smaller copies (as long again as a
      // band or more): a slice of its own, with a one-pixel draw then painted over.
      context.drawImage(bitmap, 0, 0, 2, 2, 0, 0, 1, 1);
      flush();
      context.fillRect(0, 0, 1, 1);
      await pause();
    }
    for (let y = 0; y < height; y += band) {
      const rows = Math.min(band, height - y);
      context.drawImage(bitmap, 0, y * rowsPerRow, bitmap.width, rows * rowsPerRow, 0, y, width, rows);
      if (pause) {
        flush();
        await pause();
      }
    }
    const blob = await ('convertToBlob' in canvas
      ? canvas.convertToBlob({ type: 'image/jpeg', quality })
      : new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality)));
    if (!blob) throw new Error('JPEG encoding failed');
    await pause?.();
    // The browser's own base64, off the script's stack and in one step.
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    return { width, height, data: url.slice(url.indexOf(',') + 1) };
  } finally {
    bitmap.close();
  }
}

type Answer = { ok: true; photo: Encoded } | { ok: false; undecodable: boolean };

/** The worker's script: encodePhoto's own source, answering one job per message. */
const SCRIPT = `const encodePhoto = ${encodePhoto.toString()};
onmessage = async ({ data: { file, maxEdge, quality } }) => {
  try {
    postMessage({ ok: true, photo: await encodePhoto(file, maxEdge, quality) });
  } catch (error) {
    postMessage({ ok: false, undecodable: error instanceof Error && error.message === '${UNDECODABLE}' });
  }
};`;

/**
 * `file` encoded in a worker, or on the main thread in slices where no worker can do it.
 * Rejects with UNDECODABLE when the picture cannot be decoded.
 */
export async function encode(file: Blob, maxEdge: number, quality: number): Promise<Encoded> {
  // Without OffscreenCanvas here, a worker has none either, and no document to draw in.
  const answer = typeof OffscreenCanvas === 'function' ? await inWorker({ file, maxEdge, quality }) : undefined;
  if (answer?.ok) return answer.photo;
  if (answer?.undecodable) throw new Error(UNDECODABLE);
  // Between bands, a message rather than a timer: timers crawl in a background tab.
  return encodePhoto(file, maxEdge, quality, nextTask);
}

/** Longer than a slow phone takes for the largest photo taken; then the page tries. */
const WATCHDOG_MS = 30_000;

/**
 * The Worker that refused to run, once one did: a page's CSP does not loosen, so the next photo
 * does not ask again (unless Worker was replaced meanwhile, as tests do).
 */
let refusedBy: unknown;

/** The worker's answer, or undefined when no worker could be made or it failed to run. */
function inWorker(job: { file: Blob; maxEdge: number; quality: number }): Promise<Answer | undefined> {
  const current = globalThis.Worker;
  if (refusedBy === current) return Promise.resolve(undefined);
  let worker: Worker | undefined;
  let url = '';
  try {
    worker = withTrustedWorkers(() => {
      url = URL.createObjectURL(new Blob([SCRIPT], { type: 'text/javascript' }));
      return new Worker(url);
    });
  } catch {
    // Refused at once: by the page's CSP or Trusted Types, or no workers here.
  }
  if (!worker) {
    refusedBy = current;
    if (url) URL.revokeObjectURL(url);
    return Promise.resolve(undefined);
  }
  const running = worker;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  return new Promise<Answer | undefined>((resolve) => {
    // A worker-src that refuses blob: may also show as an error event, before any message.
    running.onerror = running.onmessageerror = () => {
      refusedBy = current;
      resolve(undefined);
    };
    running.onmessage = ({ data }: MessageEvent<Answer>) => {
      // Unable to draw there (not the picture's fault): the next photo goes to the page at once.
      if (!data.ok && !data.undecodable) refusedBy = current;
      resolve(data);
    };
    // A worker the browser ended without a word (out of memory, say) would hold the form busy.
    watchdog = setTimeout(() => resolve(undefined), WATCHDOG_MS);
    running.postMessage(job);
  }).finally(() => {
    clearTimeout(watchdog);
    running.terminate();
    URL.revokeObjectURL(url);
  });
}
