/**
 * The photos a form holds, as a list: a thumbnail, the name and size, and a Remove button each,
 * with the list's styles. A thumbnail is painted on a canvas, which needs no CSP source, where
 * an <img> would need `blob:` or `data:` in the host page's `img-src`. Loaded as a chunk of its
 * own before photos first go into a form, picked or brought back by a draft (controller.ts).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { nextTask } from '../form/start.js';
import type { FieldContext } from '../form/templates.js';
import type { ImagePayload } from '../schema.js';

/** What each canvas shows: a canvas Lit reuses for another photo is painted again. */
const painted = new WeakMap<HTMLCanvasElement, string>();

/** Paints `image` to fill `canvas`, whose size the template set from the photo's. */
async function paintThumbnail(canvas: HTMLCanvasElement, image: ImagePayload): Promise<void> {
  if (painted.get(canvas) === image.data) return;
  painted.set(canvas, image.data);
  // A task of its own: the render that listed the photo is task enough.
  await nextTask();
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

/** Paints the thumbnails the render left empty. Not painted is no loss: the name beside it says which photo it is. */
export function paintThumbnails(root: ParentNode, photos: readonly { id: string; image: ImagePayload }[]): void {
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-photo]')) {
    const photo = photos.find((p) => p.id === canvas.dataset['photo']);
    if (photo) paintThumbnail(canvas, photo.image).catch(() => undefined);
  }
}

/** Each photo with its thumbnail (the canvas at twice the 4rem it is shown at, for sharp pixels on most screens) and its Remove button. */
export function photoList(c: FieldContext, onRemove: (id: string) => void): TemplateResult | typeof nothing {
  const { t } = c;
  if (!c.model.photos.length) return nothing;
  return html`<ul class="photos" aria-label=${t.images}>
    ${c.model.photos.map(({ id, image }) => {
      const scale = 128 / Math.max(image.width, image.height);
      return html`<li>
        <canvas
          class="thumb"
          data-photo=${id}
          width=${Math.max(1, Math.round(image.width * scale))}
          height=${Math.max(1, Math.round(image.height * scale))}
          aria-hidden="true"
        ></canvas>
        <span>${image.name} (${image.width}×${image.height})</span>
        <button type="button" part="button" @click=${() => onRemove(id)}>${t.removePhoto(image.name)}</button>
      </li>`;
    })}
  </ul>`;
}

export const listStyles = css`
  .photos {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  /* Thumbnail, name and its Remove button side by side, wrapping as a group. */
  .photos li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    overflow-wrap: anywhere;
  }
  .thumb {
    width: auto;
    height: auto;
    max-width: 4rem;
    max-height: 4rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
`;
