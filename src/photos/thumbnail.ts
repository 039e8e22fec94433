/**
 * Thumbnails: a prepared photo painted small on a canvas. A canvas needs no CSP source, where
 * an <img> would need `blob:` or `data:` in the host page's `img-src`. Loaded as a chunk of
 * its own once a form shows a photo.
 */
import type { ImagePayload } from '../schema.js';

/** What each canvas shows: a canvas Lit reuses for another photo is painted again. */
const painted = new WeakMap<HTMLCanvasElement, string>();

/** Paints `image` to fill `canvas`, whose size the template set from the photo's. */
export async function paintThumbnail(canvas: HTMLCanvasElement, image: ImagePayload): Promise<void> {
  if (painted.get(canvas) === image.data) return;
  painted.set(canvas, image.data);
  const binary = atob(image.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const bitmap = await createImageBitmap(new Blob([bytes], { type: image.type }));
  try {
    // Lit may have handed this canvas to another photo while this one decoded.
    if (painted.get(canvas) !== image.data) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  } finally {
    bitmap.close();
  }
}
