/**
 * Which prefill values the form takes: from the `prefill` property and the page's query
 * string, checked against the fields and their closed lists. Loaded only when a form has a
 * prefill. No DOM, no Lit.
 */
import { LIMITS } from '../fields.js';
import type { FieldIssues } from './check.js';
import { TEXT_FIELDS, type FormModel, type TextField, type Values } from './model.js';
import { isRecord, restore } from './snapshot.js';

export interface PrefillSettings {
  /** The closed lists a value must come from (the offered purchase sites…). */
  choices: Partial<Record<TextField, readonly string[]>>;
  /** Loads the rules; then `issues()` has each field's first problem by the rules. */
  rules: () => Promise<unknown> | undefined;
  issues: () => FieldIssues;
}

/** Query parameter → field: short, readable names for links in emails and shop pages. */
export const URL_PARAMETERS: Readonly<Record<string, TextField>> = {
  order_id: 'orderId',
  email: 'email',
  name: 'name',
  product: 'productName',
  marketplace: 'marketplace',
  resolution: 'resolution',
  reason: 'reason',
  serial: 'serialNumber',
};

/** Longest value taken for a field: the longest limit, with room for spaces the rules trim. */
const MAX_LENGTH = 2 * LIMITS.details;

/** The prefill a query string gives, e.g. `?order_id=302-1234567-1234567&reason=defective`. */
export function fromQuery(search: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [parameter, value] of new URLSearchParams(search)) {
    const field = URL_PARAMETERS[parameter];
    if (field) values[field] = value;
  }
  return values;
}

/**
 * The values to load, and the keys dropped because the form cannot take them. A field the
 * customer made their own (it changed, and no longer holds what `given` put there) is skipped.
 */
export function takePrefill(
  prefill: unknown,
  search: string,
  model: FormModel,
  given: ReadonlyMap<TextField, string>,
  choices: Partial<Record<TextField, readonly string[]>>,
): { taken: Partial<Values>; dropped: string[] } {
  // The link is about this very order, so it overrides what the page set.
  const wanted: Record<string, unknown> = { ...(isRecord(prefill) ? prefill : {}), ...fromQuery(search) };
  const taken: Partial<Values> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(wanted)) {
    const field = TEXT_FIELDS.find((f) => f === key);
    const allowed = field && choices[field];
    // Photos and the captcha are the customer's own, the locale is the form's: not prefilled.
    if (!field || typeof value !== 'string' || value.length > MAX_LENGTH || (allowed && !allowed.includes(value))) {
      if (value !== undefined) dropped.push(key);
    } else if (value.trim() && (!model.changed.has(field) || model.values[field] === given.get(field))) {
      taken[field] = value;
    }
  }
  return { taken, dropped };
}

/**
 * Loads what may be taken into the model, then drops what the rules refuse, and warns once
 * about every key not taken. `given` learns what the prefill put where.
 */
export async function fillIn(
  prefill: unknown,
  search: string,
  model: FormModel,
  given: Map<TextField, string>,
  { choices, rules, issues }: PrefillSettings,
): Promise<void> {
  const { taken, dropped } = takePrefill(prefill, search, model, given, choices);
  const fields = Object.keys(taken) as TextField[];
  if (fields.length) {
    restore(model, taken);
    for (const field of fields) given.set(field, taken[field] ?? '');
    await rules()?.catch(() => undefined);
    const found = issues();
    const wrong = fields.filter((field) => found[field]);
    unset(model, wrong);
    for (const field of wrong) given.delete(field);
    dropped.push(...wrong);
  }
  if (dropped.length) console.warn(`refund-exchange-form: prefill values dropped (not valid here): ${dropped.join(', ')}`);
}

/** Empties fields as if nothing had been entered in them: values the rules refuse. */
export function unset(model: FormModel, fields: readonly TextField[]): void {
  if (!fields.length) return;
  const values = { ...model.values };
  const changed = new Set(model.changed);
  const left = new Set(model.left);
  for (const field of fields) {
    values[field] = '';
    changed.delete(field);
    left.delete(field);
  }
  model.replace({ values, changed, left });
}
