/**
 * What checking the form takes, as one chunk: the rules (zod), the request the values make
 * checked against them (check.ts), the words for their issues, the tidying of order IDs and
 * serial numbers as a field is left, and what only a touched form shows: the error summary, the
 * question before Reset, and the styles of errors, of both and of the success view.
 * The element loads it when a customer first touches a form, so a page that only shows the
 * form never downloads zod.
 */
import { FIELDS, type FieldName } from '../fields.js';
import { issueMessage } from '../i18n/issue-message.js';
import type { Translation } from '../i18n/en.js';
import { createRequestSchema, type SchemaOptions } from '../schema.js';
import { due, type FieldIssues, type Rules } from './check.js';
import type { FormModel } from './model.js';

export { tidier } from '../normalize.js';
// For the withdrawal function (withdrawal/flow.ts), whose statement's rules stand in for these.
export { createWithdrawalSchema } from '../schema.js';
export { checkRequest } from './check.js';
export { checkedStyles } from './checked.styles.js';
export { summary } from './summary.js';
export { resetQuestion } from './reset-question.js';

/** Rules by their builder and options: built once for each form's settings, not on every keystroke. */
const built = new Map<unknown, Map<string, unknown>>();
/** More settings than a page's forms have: a host changing them again and again starts over. */
const KEPT = 16;

/**
 * The rules `build` makes for `options` (the offered purchase sites, channels, photos, captcha):
 * the request's, or another's that stands in for them (a withdrawal statement's, withdrawal/flow.ts).
 */
export function schemaFor<R extends Rules<unknown> = ReturnType<typeof createRequestSchema>>(
  options: SchemaOptions,
  build: (options: SchemaOptions) => R = createRequestSchema as unknown as (options: SchemaOptions) => R,
): R {
  // A channel's order-ID pattern may be a RegExp, which JSON would write as {}.
  const key = JSON.stringify(options, (_, value: unknown) => (value instanceof RegExp ? String(value) : value));
  let schemas = built.get(build);
  if (!schemas) built.set(build, (schemas = new Map()));
  let rules = schemas.get(key);
  if (!rules) {
    if (schemas.size >= KEPT) schemas.clear();
    schemas.set(key, (rules = build(options)));
  }
  return rules as R;
}

/**
 * The message each field shows now: the server's, else the rules' once it is due. A captcha
 * solution still on its way is not the customer's problem to fix.
 */
export function shownMessages(
  model: FormModel,
  issues: FieldIssues,
  messages: Partial<Record<FieldName, string>>,
): Partial<Record<FieldName, string>> {
  const shown: Partial<Record<FieldName, string>> = {};
  for (const field of FIELDS) {
    const message = model.serverErrors[field] ?? (field !== 'captcha' && due(model, field, issues[field]) ? messages[field] : undefined);
    if (message) shown[field] = message;
  }
  return shown;
}

/** Each field's message for its first issue, in the form's order. */
export function messagesFor(issues: FieldIssues, t: Translation): Partial<Record<FieldName, string>> {
  const messages: Partial<Record<FieldName, string>> = {};
  for (const field of FIELDS) {
    const issue = issues[field];
    if (issue) messages[field] = issueMessage(issue, t);
  }
  return messages;
}
