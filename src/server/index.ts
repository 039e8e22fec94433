/** The Node helpers of `refund-exchange-form/server`, for a server that receives requests. */
export { BodyError, parseRequest, readJsonBody } from './parse.js';
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
export { CAPTCHA_MESSAGES, captchaFieldError } from './captcha.js';
export type { CaptchaFailureReason } from './captcha.js';
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
