/**
 * The form's templates around its fields: the promises above it, the order-ID tip, and the
 * buttons. Views only: they take what they show and call back the element's handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { sentences, type Translation } from '../i18n/index.js';
import { nobreak } from '../i18n/typography.js';
import { orderHistoryUrl, type MarketplaceId } from '../marketplaces.js';
import type { Channel } from '../channels.js';
import { localize } from '../i18n/localize.js';

/** A message about the whole form (configuration, network, server), when there is one. */
export function alert(message: string | undefined) {
  return message ? html`<p class="alert" part="alert" role="alert" tabindex="-1">${message}</p>` : nothing;
}

/** The promises above the form; 0 days or months leaves that one out. */
export function policies(t: Translation, days: number, months: number): TemplateResult {
  return html`<ul class="policies" part="policies" lang=${t.locale} aria-label=${t.policies}>
    ${days > 0 ? html`<li>${t.policyReturn(days)}</li>` : nothing}
    ${months > 0 ? html`<li>${t.policyWarranty(months)}</li>` : nothing}
    <li>${t.policySupport}</li>
  </ul>`;
}

/** Where the order ID is found, with a link to the purchase site's order history. */
export function orderTip(t: Translation, site: string | undefined, channel: Channel | undefined, locale: string) {
  const url = channel ? channel.orderHistoryUrl : site && orderHistoryUrl(site as MarketplaceId);
  return html`${channel
      ? sentences(t, [localize(channel.tip, locale) ?? t.tipOrderIdShop, t.orderIdLooksLike(nobreak(channel.orderIdExample))])
      : t.tipOrderId}
    ${url
      ? html`<a href=${url} target="_blank" rel="noopener"
          >${channel ? t.orderHistoryShop : t.orderHistory}<span class="vh"> ${t.newTab}</span></a
        >`
      : nothing}`;
}

export interface ActionsState {
  /** What the form is doing, said in the status line; undefined when idle. */
  status: string | undefined;
  busy: boolean;
  /** Submit would only show the configuration message. */
  unusable: boolean;
  /** The question before Reset clears anything, while it is asked (reset-question.ts). */
  question: unknown;
  onReset: () => void;
}

/** Submit and Reset, the status line, and the question before Reset clears anything. */
export function actions(t: Translation, s: ActionsState): TemplateResult {
  return html`<div class="actions">
      <button type="submit" part="button submit" class="primary" aria-disabled=${s.busy || s.unusable}>
        ${t.submit}
      </button>
      <button type="button" part="button reset" aria-disabled=${s.busy} @click=${s.onReset}>${t.reset}</button>
    </div>
    <p class="hint" role="status">${s.status ?? nothing}</p>
    ${s.question}`;
}
