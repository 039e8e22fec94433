/**
 * A 400 or 422 answer's errors, put where the customer sees them: each at its field, the rest
 * (no field, or one the form does not have) above the form. No DOM, no Lit.
 */
import { isFieldName, type FieldError, type FieldName } from '../fields.js';
import type { FormModel } from '../form/model.js';

/** A 400/422 answer: each message at its field, the rest at the top. */
export function showServerErrors(model: FormModel, errors: readonly FieldError[]): void {
  const serverErrors: Partial<Record<FieldName, string>> = {};
  const topErrors: string[] = [];
  for (const { field, message } of errors) {
    if (isFieldName(field)) serverErrors[field] ??= message;
    else topErrors.push(message);
  }
  model.replace({ serverErrors, topErrors });
}
