/**
 * The request a model's values make, and its check against the rules: loaded with the rules
 * (validation.ts), as only a touched form needs them. No DOM, no Lit.
 */
import type { RequestIssue } from '../schema.js';
import { isFieldName, type FieldName } from '../fields.js';
import { OPTIONAL, TEXT_FIELDS, type FormModel } from './model.js';

/** The first issue of each field, as the schema reported it. */
export type FieldIssues = Partial<Record<FieldName, RequestIssue>>;

/**
 * Whether `field`'s problem is for the customer to see now: after a submit, once the field was
 * changed and left, or at once when it is too long (they should stop typing, not finish).
 */
export function due(model: FormModel, field: FieldName, issue: RequestIssue | undefined): boolean {
  if (!issue) return false;
  if (model.submitted || (model.changed.has(field) && model.left.has(field))) return true;
  return model.changed.has(field) && issue.code === 'too_big' && field !== 'images';
}

/** What the form adds to the values to make a request. */
export interface RequestContext {
  locale: string;
  /** The purchase site shown (see `FormModel.marketplace()`), or undefined when none is. */
  marketplace: string | undefined;
  captcha?: string;
}

/** Anything with zod's `safeParse`: the check needs the rules, not zod itself. */
export interface Rules<T> {
  safeParse(input: unknown, params: { reportInput: true }): { data?: T; error?: { issues: readonly RequestIssue[] } };
}

export interface Checked<T> {
  request?: T;
  issues: FieldIssues;
}

/** Each model's last check, with what it depended on. */
const checked = new WeakMap<FormModel, { key: unknown[]; result: Checked<unknown> }>();

/** The request as typed, for the schema: empty optional text left out, as the contract asks. */
export function requestInput(model: FormModel, context: RequestContext): Record<string, unknown> {
  const input: Record<string, unknown> = { locale: context.locale };
  const values = { ...model.values, marketplace: context.marketplace ?? '' };
  for (const field of TEXT_FIELDS) {
    if (values[field].trim() || !OPTIONAL.has(field)) input[field] = values[field];
  }
  if (model.photos.length) input.images = model.photos.map((p) => p.image);
  if (context.captcha) input.captcha = context.captcha;
  return input;
}

/**
 * Checks the request with `rules`: the normalised request when it passes, and the first issue
 * of each field. Answered from memory while neither the values nor the context changed, so
 * rendering costs nothing however long a field is.
 */
export function checkRequest<T>(model: FormModel, rules: Rules<T>, context: RequestContext): Checked<T> {
  const key = [rules, model.version, context.locale, context.marketplace, context.captcha];
  const memo = checked.get(model);
  if (memo && memo.key.every((part, i) => part === key[i])) return memo.result as Checked<T>;
  // With the input, a message can say by how much a value is too long.
  const parsed = rules.safeParse(requestInput(model, context), { reportInput: true });
  const issues: FieldIssues = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0];
    if (isFieldName(field)) issues[field] ??= issue;
  }
  const result = { ...(parsed.error ? {} : { request: parsed.data as T }), issues };
  checked.set(model, { key, result });
  return result;
}
