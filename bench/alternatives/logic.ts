/**
 * The behaviour the Shoelace and Material alternatives share, so that only their UI layer
 * differs from each other and from ours: our model (what was changed and left, when a problem
 * shows), our rules (`createRequestSchema`, zod/mini), our words (`en`) and our issue messages.
 * `RequestForm` holds that, without DOM; `BenchForm` is the Lit element both build on, with the
 * event handlers and focus moves; each alternative only adds its own template and styles.
 *
 * Mirrors `<refund-exchange-form lang="en" endpoint="…" max-images="3">`: English, every Amazon
 * purchase site with Amazon.com preselected, no captcha. Bench only, never shipped.
 */
import { LitElement } from 'lit';
import { FIELDS, LIMITS, REASONS, chars, type FieldName } from '../../src/fields.js';
import { checkRequest, due, type Checked } from '../../src/form/check.js';
import { firstPresent } from '../../src/form/focus.js';
import { FormModel, isOptional, isTextField } from '../../src/form/model.js';
import { en } from '../../src/i18n/en.js';
import { issueMessage } from '../../src/i18n/issue-message.js';
import { defaultMarketplace, isMarketplaceId, marketplaceName, MARKETPLACE_IDS, orderHistoryUrl } from '../../src/marketplaces.js';
import { tidier } from '../../src/normalize.js';
import { createRequestSchema, type RefundExchangeRequest } from '../../src/schema.js';

export type { FieldName } from '../../src/fields.js';
export type { TextField } from '../../src/form/model.js';

/** The words: the complete English dictionary, as our form has it once the rules have loaded. */
export const t = en;

/** Most photos, as `max-images="3"`. */
export const MAX_PHOTOS = 3;
/** Days and months of the promises above the form (our defaults). */
export const RETURN_DAYS = 30;
export const WARRANTY_MONTHS = 18;

/** The purchase sites offered, with their names, and the one preselected (Amazon.com for `en`). */
export const SITES: readonly [string, string][] = MARKETPLACE_IDS.map((id) => [id, marketplaceName(id, t.amazonCom)]);
const DEFAULT_SITE = defaultMarketplace('en', MARKETPLACE_IDS);
export const REASON_OPTIONS: readonly [string, string][] = REASONS.map((reason) => [reason, t[reason]]);
export const RESOLUTION_OPTIONS = [
  ['refund', t.refund],
  ['exchange', t.exchange],
] as const;

/** Photos accepted by the picker. */
export const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

export interface Summary {
  /** `en.summary(n)`: "Please fix 6 problems before sending:". */
  title: string;
  /** Each problem with the field it belongs to, in the form's order. */
  errors: [FieldName, string][];
}

/**
 * One form's state and rules. `changed` is called after every change, for the view to render.
 * Text fields report `input` on every keystroke and `leave` when focus moves on; choices
 * (selects, radios) report `choose`, which is both, as a native `change` is in our form.
 */
export class RequestForm {
  readonly model = new FormModel();
  /** The photos picked, by name; not prepared (no resizing or re-encoding), only counted. */
  files: File[] = [];
  /** Reset was pressed with entries in the form: the view asks before clearing them. */
  confirmingReset = false;
  private readonly schema = createRequestSchema({ maxImages: MAX_PHOTOS });

  constructor(private readonly changed: () => void) {
    this.model.subscribe(changed);
  }

  get values() {
    return this.model.values;
  }

  /** The purchase site shown: Amazon.com until the customer chooses another (or none). */
  get marketplace(): string {
    return this.model.marketplace(DEFAULT_SITE, MARKETPLACE_IDS) ?? '';
  }

  /** Where the order ID's tip links to: the purchase site's order history. */
  get orderHistory(): string | undefined {
    const site = this.marketplace;
    return isMarketplaceId(site) ? orderHistoryUrl(site) : undefined;
  }

  /** Whether `field` may stay empty now (Issue details stops being optional with the reason Other). */
  optional(field: FieldName): boolean {
    return isOptional(field, this.model.values);
  }

  /** "0 of 2,000 characters" for Issue details. */
  get detailsCount(): string {
    return t.charCount(chars(this.model.values.details), LIMITS.details);
  }

  input(field: string, value: string): void {
    if (isTextField(field)) this.model.set(field, value);
  }

  choose(field: string, value: string): void {
    if (!isTextField(field)) return;
    this.model.set(field, value);
    this.model.leave(field);
  }

  /** Focus left `field`: its problem may show from now on; an order ID or serial number is tidied. */
  leave(field: string): void {
    if (isTextField(field)) this.model.leave(field, tidier(field, false));
  }

  pickPhotos(files: File[]): void {
    this.files = files;
    this.model.touchPhotos();
  }

  /**
   * The message each field shows now: once it was changed and left (then live as it changes),
   * at once when too long, and every problem after a submit.
   */
  shown(): Partial<Record<FieldName, string>> {
    const { issues } = this.check();
    const shown: Partial<Record<FieldName, string>> = {};
    for (const field of FIELDS) {
      const issue = issues[field];
      if (issue && due(this.model, field, issue)) shown[field] = issueMessage(issue, t);
    }
    // Photos are counted, not prepared: the rules' count, with their message.
    if (this.files.length > MAX_PHOTOS) shown.images = t.errImages(MAX_PHOTOS);
    return shown;
  }

  /** After a submit that found problems: the summary above the form, else undefined. */
  summary(shown = this.shown()): Summary | undefined {
    const errors = Object.entries(shown) as [FieldName, string][];
    return this.model.submitted && errors.length ? { title: t.summary(errors.length), errors } : undefined;
  }

  /**
   * Submit: every problem shows from now on. Returns the request when it passes (the view
   * only reports it: nothing is sent), else undefined, and the view focuses the summary.
   */
  submit(): RefundExchangeRequest | undefined {
    this.model.startSubmit();
    const { request } = this.check();
    return request && this.files.length <= MAX_PHOTOS ? request : undefined;
  }

  /** The request checked against the rules, as the form shows it now. */
  private check(): Checked<RefundExchangeRequest> {
    return checkRequest(this.model, this.schema, { locale: t.locale, marketplace: this.marketplace });
  }

  /** Reset: clears at once an untouched form; otherwise asks first (true: the view shows the question). */
  askReset(): boolean {
    if (!this.model.hasInput && !this.files.length) {
      this.reset();
      return false;
    }
    this.confirmingReset = true;
    this.changed();
    return true;
  }

  /** The answer to the question: clear everything, or keep it. */
  confirmReset(clear: boolean): void {
    if (clear) return this.reset();
    this.confirmingReset = false;
    this.changed();
  }

  reset(): void {
    this.files = [];
    this.confirmingReset = false;
    this.model.reset();
  }
}

/** What the handlers read from the control an event came from (`sl-*`, `md-*` or native). */
interface Control extends Element {
  name?: string;
  value?: unknown;
  files?: FileList | null;
}

/** The field an event's control belongs to: the control, or the group a radio is in. */
const controlOf = (e: Event): Control | null => (e.target as Element).closest<Control>('[name]');

/**
 * The Lit element an alternative extends: the state, the handlers its template binds, and where
 * focus goes (the summary after a failed submit, a field from its summary link, the question
 * after Reset). The alternative renders `this.form` and binds the handlers.
 */
export abstract class BenchForm extends LitElement {
  protected readonly form = new RequestForm(() => this.requestUpdate());

  /** A text field's value changed (every keystroke). */
  protected readonly onInput = (e: Event): void => {
    const control = controlOf(e);
    if (control?.name) this.form.input(control.name, String(control.value ?? ''));
  };

  /** A choice was made (a select's option, a radio). */
  protected readonly onChoose = (e: Event): void => {
    const control = controlOf(e);
    if (control?.name) this.form.choose(control.name, String(control.value ?? ''));
  };

  /** Focus left a control. */
  protected readonly onLeave = (e: Event): void => {
    const control = controlOf(e);
    if (control?.name) this.form.leave(control.name);
  };

  protected readonly onPhotos = (e: Event): void => {
    this.form.pickPhotos([...((e.target as Control).files ?? [])]);
  };

  protected readonly onSubmit = (e: Event): void => {
    e.preventDefault();
    const request = this.form.submit();
    if (!request) return this.focusLater('.summary');
    // Valid: a real form would send it now; the bench only tells.
    this.dispatchEvent(new CustomEvent('bench-submit', { detail: { request }, bubbles: true, composed: true }));
  };

  /** A summary link: to its field's control, not to the page's address. */
  protected readonly onSummaryLink = (e: Event): void => {
    e.preventDefault();
    const field = (e.currentTarget as HTMLAnchorElement).hash.slice(1);
    this.focusLater(`[name=${field}], #${field}`);
  };

  protected readonly onReset = (): void => {
    if (this.form.askReset()) this.focusLater('[data-keep]');
  };

  protected readonly onConfirmReset = (e: Event): void => {
    const clear = !(e.currentTarget as Element).hasAttribute('data-keep');
    this.form.confirmReset(clear);
    // Reset clears the picker too, which the model does not own.
    const picker = this.renderRoot.querySelector<HTMLInputElement>('input[type=file]');
    if (clear && picker) picker.value = '';
    this.focusLater(clear ? '[name]' : '[data-reset]');
  };

  /** Moves focus to the first match of `selectors` (in order of preference) once rendered. */
  protected focusLater(selectors: string): void {
    void this.updateComplete.then(() => firstPresent(this.renderRoot, selectors)?.focus());
  }
}
