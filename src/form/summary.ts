/**
 * The error summary after a failed submit. Only the rules' problems or a refused submit fill it,
 * so it loads with the rules (validation.ts), not with the entry.
 */
import { html, nothing } from 'lit';
import type { FieldName } from '../fields.js';
import type { FieldContext } from './templates.js';

/** After a failed submit: every problem as a link to its field, server messages without one first. */
export function summary(c: FieldContext, onLink: (e: Event, field: FieldName) => void) {
  const { submitted, topErrors } = c.model;
  const errors = Object.entries(c.shown) as [FieldName, string][];
  if (!submitted || !(errors.length || topErrors.length)) return nothing;
  return html`<div class="summary" part="summary" tabindex="-1" role="group" aria-labelledby="summary-title">
    <p id="summary-title">${c.t.summary(errors.length + topErrors.length)}</p>
    <ul>
      ${topErrors.map((message) => html`<li>${message}</li>`)}
      ${errors.map(
        ([field, message]) => html`<li><a href="#${field}" @click=${(e: Event) => onLink(e, field)}>${message}</a></li>`,
      )}
    </ul>
  </div>`;
}
