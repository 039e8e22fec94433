/**
 * A host's TypeScript, compiled against the built package as published (lib/*.d.ts, through
 * package.json `exports`) with `--strict`, no `skipLibCheck` and no framework's types: each line
 * proves a typing, and each `@ts-expect-error` that a wrong use is refused.
 */
import {
  RefundExchangeForm,
  type Channel,
  type ErrorKind,
  type FieldError,
  type Prefill,
  type RefundExchangeErrorEvent,
  type RefundExchangeRequest,
  type WithdrawalStatement,
  type RefundExchangeResponse,
  type RefundExchangeSuccessEvent,
  type SuccessDetail,
} from 'refund-exchange-form';

// The main entry alone types the tag: no `refund-exchange-form/define` import here.
const found: RefundExchangeForm | null = document.querySelector('refund-exchange-form');
const made: RefundExchangeForm = document.createElement('refund-exchange-form');
made.endpoint = '/api/returns';
made.maxImages = 3;
// @ts-expect-error maxImages is a number
made.maxImages = '3';
made.draft = 'local';
// @ts-expect-error draft is session, local or off
made.draft = 'forever';
made.prefillFromUrl = true;
made.lock = 'marketplace orderId';
const prefill: Prefill = { orderId: '302-1234567-7654321', marketplace: 'amazon.de' };
made.prefill = prefill;
// @ts-expect-error photos are the customer's own, not a prefill
made.prefill = { images: [] };
// @ts-expect-error prefill values are strings
made.prefill = { orderId: 302 };

// The shop's own channels.
const shop: Channel = {
  id: 'shop.example',
  names: { en: 'Our web shop', de: 'Unser Webshop' },
  orderIdPattern: /KK-\d{6}/i,
  orderIdExample: 'KK-104233',
  tip: 'In your order confirmation.',
};
made.channels = [shop, { id: 'retailer', names: 'Hardware Hall', orderIdPattern: 'HH\\d{8}', orderIdExample: 'HH12345678' }];
// @ts-expect-error a channel needs an example of its order IDs
made.channels = [{ id: 'x', names: 'X', orderIdPattern: 'X' }];
// @ts-expect-error names are text, one or per language
made.channels = [{ ...shop, names: ['Our web shop'] }];
const site: RefundExchangeRequest['marketplace'] = 'shop.example';

// The public methods, as on a native form.
const valid: boolean = made.checkValidity() && made.reportValidity() && !!site;
made.submit();
made.reset();
// @ts-expect-error submit() returns nothing to await
made.submit().then(() => valid);

// Typed listeners on the element, the document and the window.
made.addEventListener('refund-exchange-submit', (event) => {
  const { payload } = event.detail;
  event.preventDefault();
  // A request, or with the withdrawal function a withdrawal statement, told apart by kind.
  if (payload.kind === 'withdrawal') {
    const statement: WithdrawalStatement = payload;
    return statement.confirmedAt;
  }
  const request: RefundExchangeRequest = payload;
  // @ts-expect-error a request has no moment of confirmation
  void request.confirmedAt;
  return request.productName;
});
document.addEventListener('refund-exchange-success', (event: RefundExchangeSuccessEvent) => {
  const detail: SuccessDetail = event.detail;
  const reference: string | undefined = detail.reference;
  return reference;
});
window.addEventListener('refund-exchange-error', (event) => {
  const kind: ErrorKind = event.detail.kind;
  const errors: FieldError[] | undefined = event.detail.errors;
  return [kind, errors];
});
found?.addEventListener('refund-exchange-error', (event: RefundExchangeErrorEvent) => event.detail.status);
// @ts-expect-error a success has no errors
document.addEventListener('refund-exchange-success', (event) => event.detail.errors);
// @ts-expect-error an error's detail has no payload
window.addEventListener('refund-exchange-error', (event) => event.detail.payload);

// The endpoint's answers, as a host's own client reads them.
const answer = JSON.parse('{"reference":"RX-1"}') as RefundExchangeResponse;
const shown: string = 'errors' in answer ? answer.errors.map((e) => e.message).join() : (answer.reference ?? '');
// @ts-expect-error an error answer has no reference
const wrong: string = 'errors' in answer ? answer.reference : shown;
export { wrong };
