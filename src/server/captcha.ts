/**
 * Turns a refused captcha, from either verifier, into the contract's field error. Server-side
 * English only, like the request parser: the customer's dictionary covers the form's own checks.
 */
import type { FieldError } from '../schema.js';
import type { PuzzleFailureReason } from './puzzle.js';
import type { HostedFailureReason } from './siteverify.js';

export type CaptchaFailureReason = PuzzleFailureReason | HostedFailureReason;

export const CAPTCHA_MESSAGES = {
  missing: 'Please complete the anti-robot check.',
  expired: 'The anti-robot check expired. Please try again.',
  failed: 'The anti-robot check failed. Please try again.',
  /** The service or the host's set-up is at fault; a 503 may suit these better than a 422. */
  unavailable: 'The anti-robot check could not be completed right now. Please try again later.',
} as const;

const MESSAGE_FOR: Record<CaptchaFailureReason, keyof typeof CAPTCHA_MESSAGES> = {
  solution_missing: 'missing',
  expired: 'expired',
  replayed: 'expired',
  solution_timeout_or_duplicate: 'expired',
  malformed: 'failed',
  signature: 'failed',
  version: 'failed',
  count: 'failed',
  duplicate: 'failed',
  difficulty: 'failed',
  solution_invalid: 'failed',
  secret_missing: 'unavailable',
  secret_invalid: 'unavailable',
  bad_request: 'unavailable',
  unreachable: 'unavailable',
  bad_response: 'unavailable',
};

/** `{ field: 'captcha', message }` for a 422 answer's `errors`. */
export function captchaFieldError(result: { ok: false; reason: CaptchaFailureReason }): FieldError {
  return { field: 'captcha', message: CAPTCHA_MESSAGES[MESSAGE_FOR[result.reason]] };
}

/** Whether the service or the host's set-up failed rather than the customer: worth a retry later. */
export const captchaUnavailable = (reason: CaptchaFailureReason): boolean => MESSAGE_FOR[reason] === 'unavailable';
