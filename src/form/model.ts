/**
 * The form's state, apart from any view: what the customer entered, which fields they changed
 * and left, what the server said about them, the request those values make, and loading values
 * back from a draft or a prefill. No DOM, no Lit: the element renders it, controllers change it,
 * and it tells its listeners when it changed.
 */
import { FIELDS, isFieldName, type FieldError, type FieldName } from '../fields.js';
import type { ImagePayload, RequestIssue } from '../schema.js';

/** The fields whose value is a string the customer types or chooses, in the form's order. */
export type TextField = Exclude<FieldName, 'images' | 'captcha'>;
export const TEXT_FIELDS = FIELDS.filter((f): f is TextField => f !== 'images' && f !== 'captcha');
export type Values = Record<TextField, string>;

/** A prepared photo; `id` tells it apart from its twins (the same file picked twice). */
export interface Photo {
  id: string;
  image: ImagePayload;
}

/** The first issue of each field, as the schema reported it. */
export type FieldIssues = Partial<Record<FieldName, RequestIssue>>;

/** What the form adds to the values to make a request. */
export interface RequestContext {
  locale: string;
  /** The purchase site shown (see `marketplace()`), or undefined when none is. */
  marketplace: string | undefined;
  captcha?: string;
}

/** Anything with zod's `safeParse`: the model needs the rules, not zod itself. */
export interface Rules<T> {
  safeParse(input: unknown, params: { reportInput: true }): { data?: T; error?: { issues: readonly RequestIssue[] } };
}

/** What a draft keeps of the form: the values and what the customer did with them. */
export interface Snapshot {
  values: Partial<Values>;
  changed: FieldName[];
  left: FieldName[];
}

const OPTIONAL = new Set<FieldName>(['serialNumber', 'details', 'images']);
/** A stored value longer than this is not the customer's: refuse it rather than render it. */
const MAX_STORED = 4 * 1024 * 1024;

const empty = (): Values => ({
  marketplace: '',
  email: '',
  name: '',
  orderId: '',
  productName: '',
  resolution: '',
  reason: '',
  serialNumber: '',
  details: '',
});

export const isTextField = (key: unknown): key is TextField => (TEXT_FIELDS as readonly unknown[]).includes(key);

/** Whether the field may be left empty (details stops being optional when the reason is Other). */
export const isOptional = (field: FieldName, values: Values): boolean =>
  OPTIONAL.has(field) && !(field === 'details' && values.reason === 'other');

export class FormModel {
  values: Values = empty();
  photos: Photo[] = [];
  /** Fields the customer changed, and fields they left after changing: errors show for both. */
  changed = new Set<FieldName>();
  left = new Set<FieldName>();
  submitted = false;
  serverErrors: Partial<Record<FieldName, string>> = {};
  /** Server messages for no field, or for one the form does not have. */
  topErrors: string[] = [];

  private listeners = new Set<() => void>();
  /** Bumped on every change, so a check of unchanged values is answered from memory. */
  private version = 0;
  private checked?: { key: unknown[]; result: { request?: unknown; issues: FieldIssues } };

  /** Calls `listener` after every change; returns the way to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The customer typed or chose `value`. */
  set(field: TextField, value: string): void {
    if (this.values[field] === value && this.changed.has(field)) return;
    this.values = { ...this.values, [field]: value };
    this.changed.add(field);
    this.clearServerError(field);
    this.notify();
  }

  /**
   * The customer moved on from `field`: its error may show now, if it has changed. `tidy` puts
   * a changed text value in its usual form (an order ID as 3-7-7), each time it is left.
   */
  leave(field: FieldName, tidy?: (value: string) => string): void {
    if (!this.changed.has(field)) return;
    const value = tidy && field in this.values ? tidy(this.values[field as TextField]) : undefined;
    if (this.left.has(field) && (value === undefined || value === this.values[field as TextField])) return;
    this.left.add(field);
    if (value !== undefined) this.values = { ...this.values, [field]: value };
    this.notify();
  }

  addPhotos(photos: Photo[]): void {
    this.photos = [...this.photos, ...photos];
    this.touchPhotos();
  }

  removePhoto(id: string): void {
    this.photos = this.photos.filter((p) => p.id !== id);
    this.touchPhotos();
  }

  /** The photo list was worked on: what the server said about it is stale. */
  touchPhotos(): void {
    this.changed.add('images');
    this.clearServerError('images');
    this.notify();
  }

  clearServerError(field: FieldName): void {
    if (!this.serverErrors[field]) return;
    this.serverErrors = { ...this.serverErrors, [field]: undefined };
    this.notify();
  }

  /** A submit starts: every problem shows from now on, and old answers are stale. */
  startSubmit(): void {
    this.submitted = true;
    this.serverErrors = {};
    this.topErrors = [];
    this.notify();
  }

  /** A 400/422 answer: each message at its field, the rest at the top. */
  showServerErrors(errors: readonly FieldError[]): void {
    const byField: Partial<Record<FieldName, string>> = {};
    const top: string[] = [];
    for (const { field, message } of errors) {
      if (isFieldName(field)) byField[field] ??= message;
      else top.push(message);
    }
    this.serverErrors = byField;
    this.topErrors = top;
    this.notify();
  }

  reset(): void {
    this.values = empty();
    this.photos = [];
    this.changed = new Set();
    this.left = new Set();
    this.submitted = false;
    this.serverErrors = {};
    this.topErrors = [];
    this.notify();
  }

  /** Empties fields as if nothing had been entered in them (a prefill the rules refuse). */
  unset(fields: readonly TextField[]): void {
    if (!fields.length) return;
    const values = { ...this.values };
    for (const field of fields) {
      values[field] = '';
      this.changed.delete(field);
      this.left.delete(field);
    }
    this.values = values;
    this.notify();
  }

  /** The purchase site shown: the customer's choice once they made one, else `fallback`. */
  marketplace(fallback: string | undefined, offered: readonly string[]): string | undefined {
    if (!this.changed.has('marketplace')) return fallback;
    const chosen = this.values.marketplace;
    return offered.includes(chosen) ? chosen : undefined;
  }

  /** Whether the customer entered anything worth asking about before it is cleared. */
  get hasInput(): boolean {
    return this.photos.length > 0 || TEXT_FIELDS.some((k) => k !== 'marketplace' && this.values[k].trim());
  }

  /** The request as typed, for the schema: empty optional text left out, as the contract asks. */
  input(context: RequestContext): Record<string, unknown> {
    const input: Record<string, unknown> = { locale: context.locale };
    const values = { ...this.values, marketplace: context.marketplace ?? '' };
    for (const field of TEXT_FIELDS) {
      if (values[field].trim() || !OPTIONAL.has(field)) input[field] = values[field];
    }
    if (this.photos.length) input.images = this.photos.map((p) => p.image);
    if (context.captcha) input.captcha = context.captcha;
    return input;
  }

  /**
   * Checks the request with `rules`: the normalised request when it passes, and the first issue
   * of each field. Answered from memory while neither the values nor the context changed, so
   * rendering costs nothing however long a field is.
   */
  check<T>(rules: Rules<T>, context: RequestContext): { request?: T; issues: FieldIssues } {
    const key = [rules, this.version, context.locale, context.marketplace, context.captcha];
    const memo = this.checked;
    if (memo && memo.key.every((part, i) => part === key[i])) {
      return memo.result as { request?: T; issues: FieldIssues };
    }
    // With the input, a message can say by how much a value is too long.
    const parsed = rules.safeParse(this.input(context), { reportInput: true });
    const issues: FieldIssues = {};
    for (const issue of parsed.error?.issues ?? []) {
      const field = issue.path[0];
      if (isFieldName(field)) issues[field] ??= issue;
    }
    const result = { ...(parsed.error ? {} : { request: parsed.data as T }), issues };
    this.checked = { key, result };
    return result;
  }

  /**
   * Whether `field`'s problem is for the customer to see now: after a submit, once the field was
   * changed and left, or at once when it is too long (they should stop typing, not finish).
   */
  shows(field: FieldName, issue: RequestIssue | undefined): boolean {
    if (!issue) return false;
    if (this.submitted || (this.changed.has(field) && this.left.has(field))) return true;
    return this.changed.has(field) && issue.code === 'too_big' && field !== 'images';
  }

  /** What a draft keeps: values that differ from empty, and the changed and left fields. */
  snapshot(): Snapshot {
    const values: Partial<Values> = {};
    for (const field of TEXT_FIELDS) if (this.values[field]) values[field] = this.values[field];
    return { values, changed: [...this.changed], left: [...this.left] };
  }

  /**
   * Takes values back from a snapshot or a prefill (the request's keys), which may be old,
   * foreign or tampered with: only text fields with string values are taken, `choices` limits
   * the closed lists, and anything else is ignored. Returns whether anything was taken.
   */
  load(data: unknown, choices: Partial<Record<TextField, readonly string[]>> = {}): boolean {
    if (!isRecord(data)) return false;
    const source = isRecord(data.values) ? data.values : data;
    // A field changed back to empty (a site set to "Choose…") is in the list, not the values.
    const emptied = (field: TextField) => Array.isArray(data.changed) && data.changed.includes(field);
    const values = { ...this.values };
    const changed = new Set(this.changed);
    let taken = false;
    for (const field of TEXT_FIELDS) {
      const value = source[field] ?? (emptied(field) ? '' : undefined);
      if (typeof value !== 'string' || value.length > MAX_STORED) continue;
      const allowed = choices[field];
      if (allowed && value && !allowed.includes(value)) continue;
      values[field] = value;
      changed.add(field);
      taken = true;
    }
    if (!taken) return false;
    const left = new Set(this.left);
    for (const field of Array.isArray(data.left) ? data.left : []) if (isFieldName(field) && changed.has(field)) left.add(field);
    this.values = values;
    this.changed = changed;
    this.left = left;
    this.notify();
    return true;
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
