/** The Node helpers of `refund-exchange-form/server`, for a server that receives requests. */
export { BodyError, parseRequest, readJsonBody } from './parse.js';
export type { ParseResult } from './parse.js';
export type {
  FieldError,
  FieldName,
  ImagePayload,
  MarketplaceId,
  Reason,
  RefundExchangeRequest,
  Resolution,
  SchemaOptions,
} from '../schema.js';
