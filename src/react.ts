/**
 * `refund-exchange-form/react`: the element for React. Importing it registers
 * `<refund-exchange-form>` and gives two ways to use it:
 * - `<RefundExchangeForm>`, a component made with `@lit/react`, for React 18 and older, which
 *   would pass every prop as a string attribute and never call the handlers: it sets
 *   properties and adds listeners itself (`onRefundExchangeSubmit`, `…Success`, `…Error`).
 * - In React 19, the bare `<refund-exchange-form>`, which React itself gives properties and
 *   `onrefund-exchange-*` listeners: typed here, in `react`'s `JSX.IntrinsicElements`.
 * Only this entry refers to React, so hosts without `@types/react` compile the others cleanly.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { RefundExchangeForm as FormElement } from './refund-exchange-form.js';
import type { RefundExchangeErrorEvent, RefundExchangeSubmitEvent, RefundExchangeSuccessEvent } from './events.js';
import type { RefundExchangeFormListeners, RefundExchangeFormProperties } from './host-types.js';

FormElement.define();

/** The element for React 18 and older (and 19 alike): camelCase props, typed event handlers. */
export const RefundExchangeForm = createComponent({
  tagName: 'refund-exchange-form',
  elementClass: FormElement,
  react: React,
  events: {
    onRefundExchangeSubmit: 'refund-exchange-submit' as EventName<RefundExchangeSubmitEvent>,
    onRefundExchangeSuccess: 'refund-exchange-success' as EventName<RefundExchangeSuccessEvent>,
    onRefundExchangeError: 'refund-exchange-error' as EventName<RefundExchangeErrorEvent>,
  },
  displayName: 'RefundExchangeForm',
});

/** The bare element's props in React 19: its properties and its typed `onrefund-exchange-*` events. */
export interface RefundExchangeFormJSXProps
  extends RefundExchangeFormProperties,
    RefundExchangeFormListeners,
    Omit<React.DetailedHTMLProps<React.HTMLAttributes<FormElement>, FormElement>, 'lang'> {}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'refund-exchange-form': RefundExchangeFormJSXProps;
    }
  }
}

export type { RefundExchangeForm as RefundExchangeFormElement } from './refund-exchange-form.js';
export type { RefundExchangeFormListeners, RefundExchangeFormProperties } from './host-types.js';
