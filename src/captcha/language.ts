/** friendly-challenge's words, taken from the form's dictionary. No DOM. */
import type { Translation } from '../i18n/index.js';

/** The shape of one friendly-challenge localization (its typings do not export the name). */
export type CaptchaTexts = Record<
  | 'text_init'
  | 'text_ready'
  | 'button_start'
  | 'text_fetching'
  | 'text_solving'
  | 'text_completed'
  | 'text_completed_sr'
  | 'text_expired'
  | 'button_restart'
  | 'text_error'
  | 'button_retry'
  | 'text_fetch_error',
  string
>;

/**
 * Every state of the widget in the form's words, so the check has one name: the label's, which
 * the glossary fixes per locale ("I am human" under "Anti-robot check" said two things).
 */
export function captchaTexts(t: Translation): CaptchaTexts {
  return {
    text_init: t.captchaRunning,
    text_ready: t.captcha,
    button_start: t.captchaRetry,
    text_fetching: t.captchaRunning,
    text_solving: t.captchaRunning,
    text_completed: t.captchaDone,
    text_completed_sr: t.captchaDone,
    text_expired: t.captchaExpired,
    button_restart: t.captchaRetry,
    text_error: t.captchaFailed,
    button_retry: t.captchaRetry,
    // Shown before the puzzle URL in its own error detail, which the controller leaves out.
    text_fetch_error: t.captchaFailed,
  };
}
