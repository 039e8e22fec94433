/** Maps a zod issue to the customer's message: the one place rules meet words. No DOM. */
import type { RequestIssue } from '../schema.js';
import { chars, LIMITS, type FieldName } from '../fields.js';
import type { Translation } from './en.js';
import { orderIdProblem } from '../normalize.js';
import { nobreak } from './typography.js';

/**
 * The localized message for one issue of the request schema, parsed with `reportInput`: a
 * value that is too long is told by how much.
 */
export function issueMessage(issue: RequestIssue, t: Translation): string {
  const field = issue.path[0] as FieldName;
  const missing = issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.minimum === 1);
  // By how much, counted as the limit counts: what the customer has to delete.
  const tooLong = (max: number) =>
    issue.code === 'too_big' ? t.errTooLong(max, chars(String(issue.input ?? '')) - max) : undefined;
  switch (field) {
    case 'marketplace':
      return t.errMarketplace;
    case 'reason':
      return t.errReason;
    case 'resolution':
      return t.errResolution;
    case 'email':
      return missing ? t.errEmailMissing : (tooLong(LIMITS.email) ?? t.errEmail);
    case 'name':
      return missing ? t.errNameMissing : (tooLong(LIMITS.name) ?? t.errInvalid);
    case 'orderId': {
      // With channels, the schema checks the ID against the purchase site's own rule; a
      // channel's issue carries its example.
      const { rule, example } = (issue.code === 'custom' ? issue.params : undefined) ?? {};
      if (missing || rule === 'missing') return example ? t.errOrderIdShopMissing : t.errOrderIdMissing;
      if (example) return t.errOrderIdShop(nobreak(String(example)));
      // Said which part is wrong: the letters, or how many digits there are.
      const problem = orderIdProblem(String(issue.input ?? ''));
      if ('letters' in problem) return t.errOrderIdLetters;
      return problem.digits && problem.digits !== 17 ? t.errOrderIdDigits(problem.digits) : t.errOrderId;
    }
    case 'productName':
      return missing ? t.errProductNameMissing : (tooLong(LIMITS.productName) ?? t.errInvalid);
    case 'serialNumber':
      if (issue.code === 'too_small') return t.errSerialShort(LIMITS.serialMin);
      return tooLong(LIMITS.serialMax) ?? t.errSerial;
    case 'details':
      return issue.code === 'custom' ? t.errDetailsOther : (tooLong(LIMITS.details) ?? t.errInvalid);
    case 'images':
      // Only the list itself can have too many; a too-long name inside one photo is another matter.
      return issue.code === 'too_big' && issue.path.length === 1 ? t.errImages(Number(issue.maximum)) : t.errInvalid;
    case 'captcha':
      return t.errCaptcha;
    default:
      return t.errInvalid;
  }
}
