/**
 * `refund-exchange-form/solid`: registers `<refund-exchange-form>` and types it in Solid's
 * JSX. Solid sets a custom element's props as properties; listen with
 * `on:refund-exchange-submit` and the like, typed here as `JSX.CustomEvents`.
 */
import type { JSX } from 'solid-js';
import type { RefundExchangeEventMap } from './events.js';
import type { RefundExchangeFormProperties } from './host-types.js';
import { RefundExchangeForm } from './refund-exchange-form.js';

RefundExchangeForm.define();

/** The element's props in Solid: its properties, and the attributes of any element. */
export interface RefundExchangeFormSolidProps
  extends RefundExchangeFormProperties,
    Omit<JSX.HTMLAttributes<RefundExchangeForm>, 'lang'> {}

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'refund-exchange-form': RefundExchangeFormSolidProps;
    }
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface CustomEvents extends RefundExchangeEventMap {}
  }
}

export type { RefundExchangeFormProperties } from './host-types.js';
