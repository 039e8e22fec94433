/**
 * Drafts as the element sees them: the draft code (controller.ts) loads before the first render
 * when this page's storage may hold a draft to bring back, else with the first change to the
 * form, which it then saves. Until then there is nothing restored, restoring or to clear.
 */
import type { ReactiveController, TemplateResult } from 'lit';
import type { Translation } from '../i18n/index.js';
import type { FormModel, TextField } from '../form/model.js';
import type { SubmissionSlot } from '../submission/slot.js';
import type { DraftController, DraftHost } from './controller.js';
import { lazily } from '../lazy.js';
import { nextTask } from '../form/start.js';
import { draftMode, mayHoldDraft } from './storage.js';

/** The draft code on its way for forms removed meanwhile: each saves when it arrives. */
const leaving = new Set<Promise<unknown>>();

export class DraftSlot implements ReactiveController {
  /** Settles once a draft to bring back is back, as far as the first render should show it. */
  ready: Promise<unknown> = Promise.resolve();

  private controller?: DraftController;
  /** The draft code, once; a failed load (offline) is asked for again with the next change. */
  private readonly load = lazily(() =>
    // With what takes a draft into the model, a chunk it shares with a prefill's code.
    Promise.all([import('./controller.js'), import('../form/snapshot.js')]).then(
      // Added to a connected host, it starts at once: it reads, and restores, its draft.
      ([{ DraftController }]) => {
        // A draft comes back only into the first render; loaded later, the code saves what is there.
        const restore = !this.host.hasUpdated;
        const drafts = (this.controller = new DraftController(this.host, this.model, this.submission, this.choices, restore));
        // Removed while its code loaded: it finds its key and saves, as a removal does.
        if (!this.host.isConnected) {
          drafts.hostConnected();
          drafts.hostDisconnected();
        } else if (!restore) {
          // What changed while the code loaded (the first keys typed) is saved like any change.
          drafts.changed();
        }
        return drafts;
      },
    ),
  );

  constructor(
    private readonly host: DraftHost,
    private readonly model: FormModel,
    private readonly submission: SubmissionSlot,
    private readonly choices: () => Partial<Record<TextField, readonly string[]>>,
    /** Settles once `choices` is known: a restored channel is checked against the shop's channels. */
    private readonly before: () => Promise<unknown>,
  ) {
    host.addController(this);
    // The first change starts a draft; changes made while its code loads are saved with it.
    model.subscribe(() => this.prepare());
  }

  /**
   * Loads the draft code unless it is here or on its way, or drafts are off. The element asks on
   * a focus or press in the form: the customer is about to type, and the code is there before
   * the first key.
   */
  prepare(): void {
    if (!this.load.loading && draftMode(this.host.draft) !== 'off') this.load().catch(() => undefined);
  }

  hostConnected(): void {
    if (this.load.loading || this.host.hasUpdated) return;
    // A form just removed may still be saving (its code on its way): look once it has. Opening
    // the storage takes milliseconds; a task of its own keeps them out of the script's, and lets
    // the host's script set the channels a restored draft may choose before they are asked for.
    this.ready = Promise.all([...leaving, nextTask()])
      .then(() => this.before())
      .then(() => (mayHoldDraft(draftMode(this.host.draft)) ? this.load().then((drafts) => drafts.ready) : undefined))
      .catch(() => undefined);
  }

  hostDisconnected(): void {
    if (!this.load.loading || this.controller) return;
    const saved = this.load.loading.catch(() => undefined);
    leaving.add(saved);
    void saved.then(() => leaving.delete(saved));
  }

  /** Says that a draft came back, with the way to start over; nothing without the draft code. */
  notice(t: Translation, onStartOver: () => void): TemplateResult | undefined {
    return this.controller?.notice(t, onStartOver);
  }

  /** Photos are still coming back from IndexedDB: sending waits. */
  get restoring(): boolean {
    return !!this.controller?.restoring;
  }

  /** After a confirmed 2xx, on Reset and on Start over: nothing of it is kept. */
  clear(): void {
    this.controller?.clear();
  }
}
