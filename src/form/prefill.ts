/**
 * Prefilling the form from the host: the `prefill` property and, with `prefill-from-url`, the
 * page's query string, so a "Return this item" link or an order email opens the form filled
 * in. What the customer typed (in a restored draft, or since) always wins, and a value the
 * rules refuse is dropped with one console warning. The work is in a chunk of its own
 * (prefill-values.ts), loaded only by a form that has a prefill.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FormModel, TextField } from './model.js';
import type { PrefillSettings } from './prefill-values.js';

/** Values to open the form with: any of the request's text fields. */
export type Prefill = Partial<Record<TextField, string>>;

export interface PrefillHost extends ReactiveControllerHost {
  /** Typed for TypeScript hosts; a script may put anything here, and it is checked. */
  prefill?: Prefill | undefined;
  prefillFromUrl: boolean;
}

export class PrefillController implements ReactiveController {
  /** Settles once a prefill is in the model and checked: the first render waits for it. */
  ready: Promise<unknown> = Promise.resolve();
  /** What this controller put in each field; a field still holding it may be prefilled anew. */
  private readonly given = new Map<TextField, string>();
  private source: unknown[] = [];

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

  /** Takes a new prefill (or the first) into the model; cheap when nothing changed. */
  apply(): void {
    const { prefill } = this.host;
    const search = this.host.prefillFromUrl ? location.search : '';
    if (this.source[0] === prefill && this.source[1] === search) return;
    this.source = [prefill, search];
    if (prefill || search) this.ready = this.take(prefill, search);
  }

  private async take(prefill: unknown, search: string): Promise<void> {
    // What takes values into the model is a chunk it shares with the draft code: asked for at
    // once, not once this one has been read.
    const [{ fillIn }] = await Promise.all([import('./prefill-values.js'), import('./snapshot.js')]);
    await fillIn(prefill, search, this.model, this.given, this.settings());
  }
}
