/**
 * The form's state, apart from any view: what the customer entered, which fields they changed
 * and left, and what the server said about them. No DOM, no Lit: the element renders it,
 * controllers change it, and it tells its listeners when it changed. What only a touched form
 * needs (the request its values make and which problems show, check.ts) loads with the rules,
 * and taking values back from a draft or a prefill (snapshot.ts) with either; the server's
 * errors and a refused prefill are put in by the code that has them, through `replace()`.
 */
import { FIELDS, type FieldName } from '../fields.js';
import type { ImagePayload } from '../schema.js';

/** The fields whose value is a string the customer types or chooses, in the form's order. */
export type TextField = Exclude<FieldName, 'images' | 'captcha'>;
export const TEXT_FIELDS = FIELDS.filter((f): f is TextField => f !== 'images' && f !== 'captcha');
export type Values = Record<TextField, string>;

/** A prepared photo; `id` tells it apart from its twins (the same file picked twice). */
export interface Photo {
  id: string;
  image: ImagePayload;
}

/** Fields that may be left empty; an empty optional text field is left out of the request. */
export const OPTIONAL = new Set<FieldName>(['serialNumber', 'details', 'images']);

const empty = (): Values => Object.fromEntries(TEXT_FIELDS.map((field) => [field, ''])) as Values;

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

  /** Bumped on every change, so a check of unchanged values is answered from memory. */
  version = 0;

  private listeners = new Set<() => void>();

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

  /** Puts in what the code that has it worked out: a draft's fields, the server's errors. */
  replace(state: Partial<Pick<FormModel, 'values' | 'changed' | 'left' | 'serverErrors' | 'topErrors'>>): void {
    Object.assign(this, state);
    this.notify();
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
