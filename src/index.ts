/** The package's public exports; importing this registers nothing. */
export { RefundExchangeForm } from './refund-exchange-form.js';
export * from './events.js';
export type { Prefill } from './form/prefill.js';
export type { DraftMode } from './drafts/storage.js';
export type { Channel, Localized } from './channels.js';
export type {
  EndpointBody,
  ErrorResponse,
  FieldName,
  ImagePayload,
  MarketplaceId,
  Reason,
  RefundExchangeRequest,
  RefundExchangeResponse,
  Resolution,
  Site,
  SuccessResponse,
  WithdrawalStatement,
} from './schema.js';
