/** The package's public exports; importing this registers nothing. */
export { RefundExchangeForm } from './refund-exchange-form.js';
export * from './events.js';
export type {
  FieldName,
  ImagePayload,
  MarketplaceId,
  Reason,
  RefundExchangeRequest,
  Resolution,
} from './schema.js';
