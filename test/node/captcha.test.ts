import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CAPTCHA_MESSAGES, captchaFieldError } from '../../src/server/index.js';
import type { CaptchaFailureReason } from '../../src/server/index.js';

const messageFor = (reason: CaptchaFailureReason) => captchaFieldError({ ok: false, reason }).message;

describe('captchaFieldError', () => {
  it('gives the contract’s field error for the captcha field', () => {
    assert.deepEqual(captchaFieldError({ ok: false, reason: 'difficulty' }), {
      field: 'captcha',
      message: 'The anti-robot check failed. Please try again.',
    });
  });

  it('tells a missing check from an expired or used one', () => {
    assert.equal(messageFor('solution_missing'), CAPTCHA_MESSAGES.missing);
    for (const reason of ['expired', 'replayed', 'solution_timeout_or_duplicate'] as const) {
      assert.equal(messageFor(reason), CAPTCHA_MESSAGES.expired, reason);
    }
  });

  it('calls every forged or wrong answer a failure', () => {
    for (const reason of ['malformed', 'signature', 'version', 'count', 'duplicate', 'difficulty', 'solution_invalid'] as const) {
      assert.equal(messageFor(reason), CAPTCHA_MESSAGES.failed, reason);
    }
  });

  it('does not blame the customer for the service or the host’s set-up', () => {
    for (const reason of ['secret_missing', 'secret_invalid', 'bad_request', 'unreachable', 'bad_response'] as const) {
      assert.equal(messageFor(reason), CAPTCHA_MESSAGES.unavailable, reason);
    }
  });
});
