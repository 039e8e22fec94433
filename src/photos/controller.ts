/**
 * Turns the files a customer picks into the model's photos: at most as many as there is room
 * for, each prepared by the lazily loaded photo code, and a message for each one refused.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FormModel, Photo } from '../form/model.js';
import type { Message } from '../i18n/index.js';
import type { PhotoProblem } from './prepare.js';

const TERMS = {
  empty: 'photoDamaged',
  damaged: 'photoDamaged',
  'not-image': 'photoNotImage',
  heic: 'photoHeic',
  'too-big': 'photoTooBig',
} as const satisfies Record<PhotoProblem, string>;

/** A fresh id for a photo: the same file picked twice makes two photos. */
export const photoId = (): string => Math.random().toString(36).slice(2) + Date.now().toString(36);

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

  /** Paints the thumbnails the render left empty (thumbnail.ts, loaded with the first). */
  hostUpdated(): void {
    const canvases = this.host.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-photo]');
    if (!canvases.length) return;
    import('./thumbnail.js').then(
      ({ paintThumbnail }) => {
        for (const canvas of canvases) {
          const photo = this.model.photos.find((p) => p.id === canvas.dataset['photo']);
          // Not painted is no loss: the name beside it says which photo it is.
          if (photo) paintThumbnail(canvas, photo.image).catch(() => undefined);
        }
      },
      () => undefined,
    );
  }

  /** A removed form stops decoding; photos already prepared stay in the model. */
  hostDisconnected(): void {
    this.reset();
  }

  /** Prepares `files` in order, as many as there is room for. */
  async add(files: File[]): Promise<void> {
    const limit = this.limit();
    const room = limit - this.model.photos.length;
    const generation = this.generation;
    const problems: Message[] = [];
    // The last messages stay until these files have their own, so nothing jumps meanwhile.
    this.set(true, this.problems);
    this.model.clearServerError('images');
    try {
      const { headProblem, preparePhoto } = await import('./prepare.js');
      const taken = Math.max(room, 0);
      for (const file of files.slice(0, taken)) {
        const result = await preparePhoto(file);
        if (generation !== this.generation) return;
        if (result.ok) this.model.addPhotos([{ id: photoId(), image: result.image } satisfies Photo]);
        else problems.push((t) => t[TERMS[result.problem]](file.name));
      }
      // Each file there was no room for, by name: its own problem if it has one (a HEIC would
      // not go in anyway), else how many fitted.
      for (const file of files.slice(taken)) {
        const problem = await headProblem(file);
        problems.push(problem ? (t) => t[TERMS[problem]](file.name) : (t) => t.photoNoRoom(file.name, taken, limit));
      }
    } catch {
      // The photo code could not be loaded (offline, or its chunk was not deployed).
      problems.push((t) => t.photoUnavailable);
    } finally {
      if (generation === this.generation) {
        const count = this.model.photos.length;
        this.said = (t) => t.photosAttached(count, limit);
        this.set(false, problems);
        this.model.touchPhotos();
      }
    }
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
