/**
 * Request checking for a receiving server: JSON to a checked request or the contract's 422
 * errors. Node only; never reaches DOM or Lit code.
 */
import { createRequestSchema, createWithdrawalSchema, FIELDS } from '../schema.js';
import type { EndpointBody, FieldError, RequestIssue, SchemaOptions } from '../schema.js';
import { en } from '../i18n/en.js';
import { issueMessage } from '../i18n/issue-message.js';


export type ParseResult =
  | { ok: true; request: EndpointBody }
  | { ok: false; errors: FieldError[] };

/**
 * The widget always sends an object, so only an integrator's own client can get this; it is
 * written for them and is therefore not part of the customer's dictionary.
 */
const NOT_AN_OBJECT = 'Send the request as one JSON object.';

/**
 * The schema for each options object, built once: a receiver passes the same one with every
 * request, and building compiles each channel's pattern. So an options object is read once:
 * change settings by passing a new one.
 */
type Schemas = [ReturnType<typeof createRequestSchema>, ReturnType<typeof createWithdrawalSchema>];
const built = new WeakMap<SchemaOptions, Schemas>();
const DEFAULTS: SchemaOptions = {};
function schemasFor(options: SchemaOptions = DEFAULTS): Schemas {
  let schemas = built.get(options);
  if (!schemas) built.set(options, (schemas = [createRequestSchema(options), createWithdrawalSchema(options)]));
  return schemas;
}

/**
 * Checks a parsed JSON body against the same schema the form uses: a withdrawal statement's
 * when `kind` is `"withdrawal"`, else a request's. Errors come one per field (its first
 * problem, in form order), with the English text the form itself would show. Unknown keys are
 * dropped from the request, not reported.
 */
export function parseRequest(body: unknown, options?: SchemaOptions): ParseResult {
  const [request, withdrawal] = schemasFor(options);
  const isWithdrawal = typeof body === 'object' && body !== null && 'kind' in body && body.kind === 'withdrawal';
  // With the input, a message can say by how much a value is too long.
  const result = (isWithdrawal ? withdrawal : request).safeParse(body, { reportInput: true });
  return result.success
    ? { ok: true, request: result.data }
    : { ok: false, errors: fieldErrors(result.error.issues) };
}

function fieldErrors(issues: readonly RequestIssue[]): FieldError[] {
  const messages = new Map<string, string>();
  for (const issue of issues) {
    const key = issue.path[0];
    const field = typeof key === 'string' ? key : '';
    if (!messages.has(field)) messages.set(field, field ? issueMessage(issue, en) : NOT_AN_OBJECT);
  }
  // A rule across fields (details for "other", a channel's order ID) reports after the
  // fields' own; the form's order is the order the customer reads them in.
  const order = (field: string) => FIELDS.indexOf(field as (typeof FIELDS)[number]);
  return [...messages].sort(([a], [b]) => order(a) - order(b)).map(([field, message]) => ({ field, message }));
}
