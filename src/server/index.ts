/** The Node helpers of `refund-exchange-form/server`, for a server that receives requests. */
export { createReceiver } from './receiver.js';
export type { FetchHandler, Receiver, ReceiverOptions } from './receiver.js';
export { message as acknowledgementMessage, startAcknowledger } from './acknowledge.js';
export type { Acknowledger, AcknowledgementOptions } from './acknowledge.js';
export { ACKNOWLEDGEMENT_WORDS, acknowledgementWords } from './acknowledgement-words.js';
export type { AcknowledgementWords } from './acknowledgement-words.js';
export { toNodeHandler } from './node.js';
export type { NodeHandler } from './node.js';
export { functionStore, isWithdrawal, newReference } from './store.js';
export type {
  AcknowledgementOutcome,
  AcknowledgementState,
  CaptchaOutcome,
  DueAcknowledgement,
  ReceiveEntry,
  ReceivedRequest,
  ReceivedWithdrawal,
  ReceiveResult,
  RequestReader,
  RequestStore,
  StoredImage,
  StoredRequest,
  UsedPuzzle,
} from './store.js';
export { openSqlStore } from './sql-store.js';
export type { SqlClient, SqlDatabase, SqlStore, SqlStoreOptions } from './sql-store.js';
export { openPGliteStore } from './pglite.js';
export { openPostgresStore } from './postgres.js';
export type { PostgresStoreOptions } from './postgres.js';
export { BodyError, readJsonBody } from './body.js';
export { parseRequest } from './parse.js';
export { checkChannels } from '../channels.js';
export type { ParseResult } from './parse.js';
export {
  ReplayStore,
  createPuzzleIssuer,
  difficultyThreshold,
  encodePuzzle,
  signPuzzle,
  solutionMeetsDifficulty,
  solutionValue,
} from './puzzle.js';
export type {
  PuzzleFailureReason,
  PuzzleFields,
  PuzzleIssuer,
  PuzzleOptions,
  PuzzleResponse,
  PuzzleVerifyResult,
  PuzzleCheckResult,
} from './puzzle.js';
export { SITEVERIFY_ENDPOINTS, verifyHosted } from './siteverify.js';
export type { HostedFailureReason, HostedVerifyOptions, HostedVerifyResult } from './siteverify.js';
export { CAPTCHA_MESSAGES, captchaFieldError, captchaUnavailable } from './captcha.js';
export type { CaptchaFailureReason } from './captcha.js';
export type {
  ErrorResponse,
  FieldError,
  FieldName,
  ImagePayload,
  MarketplaceId,
  Reason,
  EndpointBody,
  RefundExchangeRequest,
  RefundExchangeResponse,
  WithdrawalStatement,
  Resolution,
  SchemaOptions,
  Site,
  SuccessResponse,
} from '../schema.js';
export type { Channel, Localized } from '../channels.js';
