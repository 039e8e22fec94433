/**
 * The events only the sending code fires (events.ts re-exports them with the rest): in its chunk,
 * not in the entry, which fires only the error of a chunk that could not load.
 */
import { init, type SubmitDetail, type SuccessDetail } from '../events.js';

/** Valid and about to send. Cancel it to send the payload yourself. */
export class RefundExchangeSubmitEvent extends CustomEvent<SubmitDetail> {
  static readonly eventName = 'refund-exchange-submit';
  constructor(detail: SubmitDetail) {
    super(RefundExchangeSubmitEvent.eventName, init(detail, true));
  }
}

/** The endpoint answered 2xx. */
export class RefundExchangeSuccessEvent extends CustomEvent<SuccessDetail> {
  static readonly eventName = 'refund-exchange-success';
  constructor(detail: SuccessDetail) {
    super(RefundExchangeSuccessEvent.eventName, init(detail));
  }
}

