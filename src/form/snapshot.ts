/**
 * A form's entries as a draft keeps them, and entries taken back into the model from a draft or
 * a prefill. Loaded with the code that has them (drafts, a prefill), never at start. No DOM, no
 * Lit.
 */
import { isFieldName, type FieldName } from '../fields.js';
import { TEXT_FIELDS, type FormModel, type TextField, type Values } from './model.js';

/** What a draft keeps of the form: the values and what the customer did with them. */
export interface Snapshot {
  values: Partial<Values>;
  changed: FieldName[];
  left: FieldName[];
}

/** A stored value longer than this is not the customer's: refuse it rather than render it. */
const MAX_STORED = 4 * 1024 * 1024;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a draft keeps: values that differ from empty, and the changed and left fields. */
export function snapshot(model: FormModel): Snapshot {
  const values: Partial<Values> = {};
  for (const field of TEXT_FIELDS) if (model.values[field]) values[field] = model.values[field];
  return { values, changed: [...model.changed], left: [...model.left] };
}

/**
 * Takes values back into `model` from a snapshot or a prefill (the request's keys), which may be
 * old, foreign or tampered with: only text fields with string values are taken, `choices` limits
 * the closed lists, and anything else is ignored. Returns whether anything was taken.
 */
export function restore(model: FormModel, data: unknown, choices: Partial<Record<TextField, readonly string[]>> = {}): boolean {
  if (!isRecord(data)) return false;
  const source = isRecord(data.values) ? data.values : data;
  // A field changed back to empty (a site set to "Choose…") is in the list, not the values.
  const emptied = (field: TextField) => Array.isArray(data.changed) && data.changed.includes(field);
  const values = { ...model.values };
  const changed = new Set(model.changed);
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
  const left = new Set(model.left);
  for (const field of Array.isArray(data.left) ? data.left : []) if (isFieldName(field) && changed.has(field)) left.add(field);
  model.replace({ values, changed, left });
  return true;
}
