/**
 * A chunk loaded once, when first asked for. A failed load is forgotten, so the next ask tries
 * again: the network may be back (a browser that caches failed module loads answers from that
 * cache until the page is reloaded).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
export interface Lazy<T> {
  (): Promise<T>;
  /** The load under way or done; undefined before the first ask, and after a failure. */
  loading?: Promise<T> | undefined;
}

/** What `load` makes of the chunk must not throw: that counts as a failed load, made again next time. */
export function lazily<T>(load: () => Promise<T>): Lazy<T> {
  const get: Lazy<T> = () =>
    (get.loading ??= load().catch((error: unknown) => {
      get.loading = undefined;
      throw error;
    }));
  return get;
}

/**
 * A part of a form in a chunk of its own (the captcha's field, the withdrawal function), which a
 * form that `wants()` it loads before the render that shows it, so that every other form carries
 * none of it; wanted only after the first render, it shows once its chunk is here.
 */
export class LazyPart<T> implements ReactiveController {
  /** The part, once its chunk is here. */
  part?: T;
  /** The part's chunk, once; a failed load (offline) is asked for again by the next render or use. */
  readonly load: Lazy<T>;

  constructor(
    private readonly host: ReactiveControllerHost & { hasUpdated: boolean },
    private readonly wants: () => unknown,
    make: () => Promise<T>,
  ) {
    this.load = lazily(() => make().then((part) => (this.part = part)));
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.host.hasUpdated && !this.part && this.wants()) this.load().then(() => this.host.requestUpdate(), () => undefined);
  }

  /** Settles once a form that wants the part can show it, or its chunk could not load. */
  ready(): Promise<unknown> | undefined {
    return this.wants() ? this.load().catch(() => undefined) : undefined;
  }
}
