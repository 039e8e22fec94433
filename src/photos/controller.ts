/**
 * Turns the files a customer picks into the model's photos: at most as many as there is room
 * for, each prepared by the lazily loaded photo code (take.ts), and a message for each one
 * refused; the list that shows them (list.ts) loads with that code, or with a draft's photos.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FormModel } from '../form/model.js';
import type { Message } from '../i18n/index.js';
import { lazily } from '../lazy.js';
import { adopt } from '../refund-exchange-form.styles.js';

type List = typeof import('./list.js');
let list: List | undefined;
/** The photo list (its template, styles and thumbnails): loaded before photos first go into a form. */
export const loadList = lazily(() => import('./list.js').then((module) => (list = module)));

export class PhotosController implements ReactiveController {
  /** Files are being read and prepared: sending waits. */
  preparing = false;
  /** Why the last files picked were not all taken. */
  problems: Message[] = [];
  /** What a screen reader is told of the last change: how many are attached, or which went. */
  said?: Message;

  /** Bumped by reset(), so photos still being prepared for the old form are dropped. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly model: FormModel,
    /** Most photos the form takes (the `max-images` attribute, checked). */
    private readonly limit: () => number,
  ) {
    host.addController(this);
  }

  /** The list's styles, before a render shows it. */
  hostUpdate(): void {
    adopt(this.host.renderRoot as ShadowRoot, list?.listStyles);
  }

  /** Paints the thumbnails the render left empty. */
  hostUpdated(): void {
    list?.paintThumbnails(this.host.renderRoot, this.model.photos);
  }

  /** The photo list, once its chunk is here. */
  get list(): List | undefined {
    return list;
  }

  /** A removed form stops decoding; photos already prepared stay in the model. */
  hostDisconnected(): void {
    this.reset();
  }

  /** The file input's change: its files are added. */
  readonly pick = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared, so the same file can be chosen again after removing it.
    input.value = '';
    void this.add(files);
  };

  /** Prepares `files` in order, as many as there is room for. */
  async add(files: File[]): Promise<void> {
    const limit = this.limit();
    const generation = this.generation;
    const current = () => generation === this.generation;
    // The last messages stay until these files have their own, so nothing jumps meanwhile.
    this.set(true, this.problems);
    this.model.clearServerError('images');
    let problems: Message[];
    try {
      const [{ takePhotos }] = await Promise.all([import('./take.js'), loadList()]);
      problems = await takePhotos(files, this.model, limit, current);
    } catch {
      // The photo code or list could not be loaded (offline, or not deployed); its own
      // failures are per file, with their names.
      problems = [(t) => t.photoUnavailable];
    }
    if (!current()) return;
    const count = this.model.photos.length;
    this.said = (t) => t.photosAttached(count, limit);
    this.set(false, problems);
    this.model.touchPhotos();
  }

  remove(id: string): void {
    const name = this.model.photos.find((p) => p.id === id)?.image.name ?? '';
    this.problems = [];
    this.said = (t) => t.photoRemoved(name);
    this.model.removePhoto(id);
  }

  /** Forgets the messages, and drops photos still being prepared. */
  reset(): void {
    this.generation++;
    this.said = undefined;
    this.set(false, []);
  }

  private set(preparing: boolean, problems: Message[]): void {
    this.preparing = preparing;
    this.problems = problems;
    this.host.requestUpdate();
  }
}
