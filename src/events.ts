/** The element's typed events. All bubble and cross shadow boundaries (composed). */
import type { EndpointBody, FieldError } from './schema.js';
import type { RefundExchangeForm } from './refund-exchange-form.js';
import type { RefundExchangeSubmitEvent, RefundExchangeSuccessEvent } from './submission/events.js';

export type { FieldError } from './schema.js';
// Fired only by the sending code, and so in its chunk; part of the API all the same.
export { RefundExchangeSubmitEvent, RefundExchangeSuccessEvent } from './submission/events.js';

export type ErrorKind = 'validation' | 'captcha' | 'config' | 'network' | 'server';

export interface SubmitDetail {
  /** The request, or with the withdrawal function a withdrawal statement (`kind: "withdrawal"`). */
  payload: EndpointBody;
}
export interface SuccessDetail {
  status: number;
  reference?: string;
  response: unknown;
}
export interface ErrorDetail {
  kind: ErrorKind;
  status?: number;
  errors?: FieldError[];
}

export const init = <T>(detail: T, cancelable = false) => ({
  detail,
  bubbles: true,
  composed: true,
  cancelable,
});

/** Validation, captcha, configuration, network or server failure. */
export class RefundExchangeErrorEvent extends CustomEvent<ErrorDetail> {
  static readonly eventName = 'refund-exchange-error';
  constructor(detail: ErrorDetail) {
    super(RefundExchangeErrorEvent.eventName, init(detail));
  }
}

/** The element's events by name, for typed listeners wherever they bubble to. */
export interface RefundExchangeEventMap {
  'refund-exchange-submit': RefundExchangeSubmitEvent;
  'refund-exchange-success': RefundExchangeSuccessEvent;
  'refund-exchange-error': RefundExchangeErrorEvent;
}

// Here, where both entries reach: `querySelector('refund-exchange-form')` is typed with only
// the main entry imported. The events are composed and bubble: listeners on the element, the
// document and the window all get them typed. Merged interfaces, so empty bodies are the point.
declare global {
  interface HTMLElementTagNameMap {
    'refund-exchange-form': RefundExchangeForm;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends RefundExchangeEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends RefundExchangeEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends RefundExchangeEventMap {}
}
