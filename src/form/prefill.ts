/**
 * Prefilling the form from the host: the `prefill` property and, with `prefill-from-url`, the
 * page's query string, so a "Return this item" link or an order email opens the form filled
 * in. What the customer typed (in a restored draft, or since) always wins, and a value the
 * rules refuse is dropped with one console warning. This code and the values' checks
 * (prefill-values.ts) are a chunk loaded only by a form that has a prefill (prefill-slot.ts).
 */
import type { FormModel, TextField } from './model.js';
import { fillIn, type PrefillSettings } from './prefill-values.js';

/** Values to open the form with: any of the request's text fields. */
export type Prefill = Partial<Record<TextField, string>>;

export class Prefiller {
  /** What this prefiller put in each field; a field still holding it may be prefilled anew. */
  private readonly given = new Map<TextField, string>();
  private source: unknown[] = [];
  private taken: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly model: FormModel,
    private readonly settings: () => PrefillSettings,
  ) {}

  /** Takes a new prefill (or the first) into the model; settles once it is in and checked. Cheap when nothing changed. */
  apply(prefill: unknown, search: string): Promise<unknown> {
    if (this.source[0] !== prefill || this.source[1] !== search) {
      this.source = [prefill, search];
      this.taken = fillIn(prefill, search, this.model, this.given, this.settings());
    }
    return this.taken;
  }
}
