/**
 * What a host's templates set on the element, for the framework typings (`/react`, `/vue`):
 * types only, so they bring no framework into the main entry.
 */
import type { RefundExchangeForm } from './refund-exchange-form.js';
import type { RefundExchangeEventMap } from './events.js';

/** The properties a host sets, by their camelCase names; all optional. */
export type RefundExchangeFormProperties = Partial<
  Pick<
    RefundExchangeForm,
    | 'endpoint'
    | 'lang'
    | 'marketplaces'
    | 'channels'
    | 'sitekey'
    | 'puzzleEndpoint'
    | 'maxImages'
    | 'returnDays'
    | 'warrantyMonths'
    | 'hidePolicies'
    | 'draft'
    | 'prefill'
    | 'prefillFromUrl'
    | 'lock'
  >
>;

/** Listeners named `on` + the event's name (React 19's custom-element events), each typed. */
export type RefundExchangeFormListeners = {
  [E in keyof RefundExchangeEventMap as `on${E}`]?: (event: RefundExchangeEventMap[E]) => void;
};
