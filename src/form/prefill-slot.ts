/**
 * Prefilling as the element sees it: the prefill code (prefill.ts, with what takes values into
 * the model) loads only for a form that has a prefill or a link that prefills, before its
 * first render, and takes the host's prefill again whenever it changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazily } from '../lazy.js';
import type { FormModel } from './model.js';
import type { Prefill } from './prefill.js';
import type { PrefillSettings } from './prefill-values.js';

export interface PrefillHost extends ReactiveControllerHost {
  /** Typed for TypeScript hosts; a script may put anything here, and it is checked. */
  prefill?: Prefill | undefined;
  prefillFromUrl: boolean;
}

export class PrefillSlot implements ReactiveController {
  /** Settles once a prefill is in the model and checked, or its code could not load: the first render waits for it. */
  ready: Promise<unknown> = Promise.resolve();
  /** The prefill code, asked for beside what takes values into the model (a chunk the draft code shares). */
  private readonly load = lazily(() =>
    Promise.all([import('./prefill.js'), import('./snapshot.js')]).then(
      ([{ Prefiller }]) => new Prefiller(this.model, this.settings),
    ),
  );

  constructor(
    private readonly host: PrefillHost,
    private readonly model: FormModel,
    private readonly settings: () => PrefillSettings,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.apply();
  }

  /** Takes a new prefill (or the first) into the model; nothing for a form that never had one. */
  apply(): void {
    const { prefill } = this.host;
    const search = this.host.prefillFromUrl ? location.search : '';
    if (!prefill && !search && !this.load.loading) return;
    // A prefill that could not be taken (its code did not load) leaves the form as it is.
    this.ready = this.load()
      .then((prefiller) => prefiller.apply(prefill, search))
      .catch(() => undefined);
  }
}
