/**
 * `refund-exchange-form/preact`: registers `<refund-exchange-form>` and types it in Preact's
 * JSX. Preact sets the element's properties and listens to `onrefund-exchange-*` itself.
 */
import type { HTMLAttributes } from 'preact';
import type { RefundExchangeFormListeners, RefundExchangeFormProperties } from './host-types.js';
import { RefundExchangeForm } from './refund-exchange-form.js';

RefundExchangeForm.define();

/** The element's props in Preact: its properties and its typed `onrefund-exchange-*` events. */
export interface RefundExchangeFormPreactProps
  extends RefundExchangeFormProperties,
    RefundExchangeFormListeners,
    Omit<HTMLAttributes<RefundExchangeForm>, 'lang'> {}

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'refund-exchange-form': RefundExchangeFormPreactProps;
    }
  }
}

export type { RefundExchangeFormListeners, RefundExchangeFormProperties } from './host-types.js';
