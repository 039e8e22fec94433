/**
 * The success view, in the chunk that sends (with controller.ts): a form only needs it once a
 * request went out, so it stays out of the entry. A view only: it takes what it shows
 * and calls back the element's handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/index.js';
import type { Receipt } from './controller.js';

/** What the success view shows and does. */
export interface DoneView {
  receipt: Receipt | undefined;
  /** The purchase site's name, as the list showed it. */
  site: string;
  onCopy: () => void;
  onNew: () => void;
}

/**
 * The view after a confirmed send: the thanks, the reference with a Copy button, what happens
 * next (the host's `success` slot, or a default that names the reply address), a recap, and a
 * quiet way to start again, which should not invite a second request for the same thing.
 */
export function done(t: Translation, v: DoneView): TemplateResult {
  const r = v.receipt;
  const q = r?.request;
  const recap = r &&
    q &&
    q.kind !== 'withdrawal' && [
      [t.marketplace, v.site],
      [t.orderId, q.orderId],
      [t.productName, q.productName],
      [t.resolution, t[q.resolution]],
      [t.reason, t[q.reason]],
      [t.images, t.recapPhotos(r.photos)],
    ];
  return html`<div class="done" part="status" role="status" tabindex="-1" lang=${t.locale}>
    <p>${t.sent}</p>
    ${r?.reference
      ? html`<p class="ref">
          ${t.reference(r.reference)}
          <button type="button" part="button copy" @click=${v.onCopy}>${t.copy}</button>
          <span class="hint">${r.copied === undefined ? nothing : r.copied ? t.copied : t.copyFailed}</span>
        </p>`
      : nothing}
    <slot name="success">${q ? html`<p>${t.nextSteps(q.email)}</p>` : nothing}</slot>
    ${recap
      ? html`<dl class="recap" part="recap" aria-label=${t.recap}>
          ${recap.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}
        </dl>`
      : nothing}
    <button type="button" part="button new" class="link" @click=${v.onNew}>${t.newRequest}</button>
  </div>`;
}
