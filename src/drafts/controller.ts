/**
 * Keeps what a customer enters across a reload or a closed tab. The values go to Web Storage
 * as the customer goes (`draft="session"`: this tab only; `local`: this browser, for a day),
 * the prepared photos to IndexedDB (./photo-store.ts, loaded only when there are photos), and
 * both come back when the form is opened again. The captcha's solution is never kept: it is
 * not part of the model. Storage that is missing, blocked or full never breaks the form. This
 * code loads when there is a draft to bring back, or with the first change (slot.ts).
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/index.js';
import { adopt } from '../refund-exchange-form.styles.js';
import type { FormModel, Photo, TextField } from '../form/model.js';
import type { SubmissionSlot } from '../submission/slot.js';
import { draftMode, PREFIX, storage, type DraftMode } from './storage.js';
import { loadList } from '../photos/controller.js';
import { restore as restoreInto, snapshot, type Snapshot } from '../form/snapshot.js';
/** Drafts of another shape (an older widget's) are dropped, never half-read. */
const VERSION = 1;
/** A `local` draft is for a customer who went to find the serial number, not for next month. */
const LIFETIME = 24 * 60 * 60 * 1000;
/** Saving waits for a pause in typing; leaving the page saves at once. */
const PAUSE = 400;
/** The first render waits this long at most for photos coming back from IndexedDB. */
const PHOTO_WAIT = 1000;

interface Stored {
  v: typeof VERSION;
  key: string;
  savedAt: number;
  form: Snapshot;
  photos: string[];
  idempotency?: SubmissionSlot['idempotency'];
}

export interface DraftHost extends ReactiveControllerHost, HTMLElement {
  /** The `draft` attribute as set. */
  draft?: string;
  endpoint?: string;
  /** Whether the first render is done: a draft comes back only before it. */
  readonly hasUpdated: boolean;
  /** Where the notice's styles go. */
  readonly renderRoot: HTMLElement | DocumentFragment;
}

const photoStore = () => import('./photo-store.js');

/** The notice's box, with the code that shows it. */
const noticeStyles = css`
  .restored {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
  }
`;

export class DraftController implements ReactiveController {
  /** A draft came back: the element says so and offers to start over. */
  restored = false;
  /** Photos are still coming back from IndexedDB: sending waits. */
  restoring = false;
  /** Set once the notice is on screen: a live region only speaks about what changes in it. */
  announce = false;
  /** Settles once the restore has done what the first render should show. */
  ready: Promise<unknown> = Promise.resolve();

  private mode: DraftMode = 'off';
  /** Where this form's draft is kept; fixed when the form first enters the page. */
  private key = '';
  private timer?: ReturnType<typeof setTimeout>;
  /** Ids of the photos IndexedDB holds for this draft. */
  private saved = new Set<string>();
  private readonly flush = () => this.save();
  private readonly hidden = () => document.visibilityState === 'hidden' && this.save();

  constructor(
    private readonly host: DraftHost,
    private readonly model: FormModel,
    private readonly submission: SubmissionSlot,
    /** The closed lists a restored value must come from (the offered purchase sites…). */
    private readonly choices: () => Partial<Record<TextField, readonly string[]>>,
    /**
     * Whether to bring the stored draft back: only before the first render. Loaded later, for
     * saving, it keeps what is on screen and saves over anything stored (another tab's draft).
     */
    private readonly restoreDraft = true,
  ) {
    host.addController(this);
    model.subscribe(() => this.changed());
  }

  /** The model changed: saved after a pause in typing. */
  changed(): void {
    clearTimeout(this.timer);
    if (this.mode === 'off' || this.restoring) return;
    this.timer = setTimeout(this.flush, PAUSE);
    // Photos at once: they come seldom, and IndexedDB cannot be written while a page unloads.
    this.savePhotos(this.model.photos);
  }

  hostConnected(): void {
    if (!this.key) {
      this.key = `${PREFIX}draft:${location.pathname}|${this.identity()}`;
      this.mode = draftMode(this.host.draft);
      if (this.restoreDraft) this.restore();
    }
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.hidden);
  }

  hostUpdated(): void {
    if (this.restored === this.announce) return;
    this.announce = this.restored;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.save();
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.hidden);
  }

  /**
   * The notice's styles, before the render that may show it. And when the `draft` attribute
   * changed, the draft moves, or goes when drafts are turned off.
   */
  hostUpdate(): void {
    adopt(this.host.renderRoot as ShadowRoot, noticeStyles);
    const mode = draftMode(this.host.draft);
    if (!this.key || mode === this.mode) return;
    this.forget();
    this.mode = mode;
    this.save();
  }

  /** After a confirmed 2xx, on Reset and on Start over: nothing of it is kept. */
  clear(): void {
    this.forget();
    this.restored = false;
    this.host.requestUpdate();
  }

  /**
   * Says that an earlier visit's entries are back, with the way to start over. The notice is in
   * the first render (nothing moves); a hidden live region announces it once it is on screen.
   */
  notice(t: Translation, onStartOver: () => void): TemplateResult {
    return html`${this.restored
        ? html`<div class="restored" part="draft">
            <p>${t.draftRestored}</p>
            <button type="button" part="button" @click=${onStartOver}>${t.startOver}</button>
          </div>`
        : nothing}
      <p class="vh" role="status">${this.restored && this.announce ? t.draftRestored : nothing}</p>`;
  }

  /**
   * Tells this form apart from others on the page: its endpoint and id, and its place among
   * forms that share both, so two forms keep separate drafts and a reload finds each its own.
   */
  private identity(): string {
    const { host } = this;
    const root = host.getRootNode() as ParentNode;
    const twins = [...root.querySelectorAll<DraftHost>(host.localName)].filter(
      (el) => el.endpoint === host.endpoint && el.id === host.id,
    );
    return `${host.endpoint ?? ''}|${host.id}|${Math.max(twins.indexOf(host), 0)}`;
  }

  /** Where this draft's photos are kept: per tab for `session`, as sessionStorage is. */
  private photoKey(): string | undefined {
    if (this.mode !== 'session') return this.key;
    const store = storage('session');
    try {
      let tab = store?.getItem(`${PREFIX}tab`);
      if (!tab) store?.setItem(`${PREFIX}tab`, (tab = Math.random().toString(36).slice(2)));
      return tab ? `${tab}|${this.key}` : undefined;
    } catch {
      return undefined;
    }
  }

  private read(): Stored | undefined {
    const store = storage(this.mode);
    try {
      const raw = store?.getItem(this.key);
      if (!raw) return undefined;
      const data = JSON.parse(raw) as Partial<Stored> | null;
      const fresh = typeof data?.savedAt === 'number' && Date.now() - data.savedAt < LIFETIME;
      if (data?.v === VERSION && data.key === this.key && fresh && Array.isArray(data.photos)) return data as Stored;
      store?.removeItem(this.key);
    } catch {
      // Not JSON, or storage refused: as if there were no draft.
    }
    return undefined;
  }

  private restore(): void {
    const data = this.read();
    if (!data) return;
    const loaded = restoreInto(this.model, data.form, this.choices());
    const { idempotency } = data;
    if (typeof idempotency?.key === 'string' && typeof idempotency.fingerprint === 'string') {
      this.submission.idempotency = { key: idempotency.key, fingerprint: idempotency.fingerprint };
    }
    const ids = data.photos.filter((id): id is string => typeof id === 'string');
    this.restored = loaded || ids.length > 0;
    if (ids.length) this.ready = Promise.race([this.restorePhotos(ids), new Promise((r) => setTimeout(r, PHOTO_WAIT))]);
  }

  private async restorePhotos(ids: string[]): Promise<void> {
    const key = this.photoKey();
    if (!key) return;
    this.restoring = true;
    try {
      // The list that shows them, asked for beside the store. Should it not load (offline), the
      // photos still come back, to be saved and sent, and are listed once the connection is.
      const listed = loadList().then(
        () => true,
        () => false,
      );
      const photos = await (await photoStore()).loadPhotos(key, ids);
      for (const { id } of photos) this.saved.add(id);
      if (photos.length) this.model.addPhotos(photos);
      const list = () => void loadList().then(() => this.host.requestUpdate(), () => undefined);
      if (!(await listed)) addEventListener('online', list, { once: true });
    } catch {
      // No IndexedDB here (private browsing, blocked): the text came back, the photos did not.
    } finally {
      this.restoring = false;
      this.host.requestUpdate();
    }
  }

  private save(): void {
    clearTimeout(this.timer);
    if (this.mode === 'off' || !this.key || this.restoring) return;
    const store = storage(this.mode);
    const { model } = this;
    try {
      if (!model.hasInput) store?.removeItem(this.key);
      else {
        const data: Stored = {
          v: VERSION,
          key: this.key,
          savedAt: Date.now(),
          form: snapshot(model),
          photos: model.photos.map((p) => p.id),
          ...(this.submission.idempotency ? { idempotency: this.submission.idempotency } : {}),
        };
        store?.setItem(this.key, JSON.stringify(data));
      }
    } catch {
      // Full, or refused: the form works on, without a draft.
    }
    this.savePhotos(model.photos);
  }

  private savePhotos(photos: readonly Photo[]): void {
    const added = photos.filter((p) => !this.saved.has(p.id));
    const removed = [...this.saved].filter((id) => !photos.some((p) => p.id === id));
    if (!added.length && !removed.length) return;
    const key = this.photoKey();
    if (!key) return;
    for (const { id } of added) this.saved.add(id);
    for (const id of removed) this.saved.delete(id);
    photoStore()
      .then((store) => store.savePhotos(key, added, removed))
      .catch(() => {
        // Not kept: a reload brings the text back without these photos.
        for (const { id } of added) this.saved.delete(id);
      });
  }

  /** Removes the stored draft of the current mode, photos included. */
  private forget(): void {
    clearTimeout(this.timer);
    try {
      storage(this.mode)?.removeItem(this.key);
    } catch {
      // Refused: nothing was kept there either.
    }
    if (!this.saved.size) return;
    const key = this.photoKey();
    this.saved.clear();
    if (!key) return;
    photoStore()
      .then((store) => store.removePhotos(key))
      .catch(() => undefined);
  }
}
