/**
 * `refund-exchange-form/vue`: types `<refund-exchange-form>` in Vue templates through
 * `GlobalComponents`; import it once (`import 'refund-exchange-form/vue'`), which also
 * registers the element. Vue 3.5 sets the element's properties and listens to its events
 * itself; tell its compiler the tag is a custom element (`isCustomElement`).
 */
import type { DefineComponent } from 'vue';
import type { RefundExchangeErrorEvent, RefundExchangeSubmitEvent, RefundExchangeSuccessEvent } from './events.js';
import type { RefundExchangeFormProperties } from './host-types.js';
import { RefundExchangeForm } from './refund-exchange-form.js';

RefundExchangeForm.define();

/** The element's props in a Vue template: `:max-images`, `@refund-exchange-submit` and the rest. */
export interface RefundExchangeFormVueProps extends RefundExchangeFormProperties {
  onRefundExchangeSubmit?: (event: RefundExchangeSubmitEvent) => void;
  onRefundExchangeSuccess?: (event: RefundExchangeSuccessEvent) => void;
  onRefundExchangeError?: (event: RefundExchangeErrorEvent) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'refund-exchange-form': DefineComponent<RefundExchangeFormVueProps>;
  }
}

export type { RefundExchangeFormProperties } from './host-types.js';
