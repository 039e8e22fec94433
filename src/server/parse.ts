/**
 * Request parsing for a receiving server: the HTTP body to JSON, JSON to a checked request or
 * the contract's 422 errors. Node only; never reaches DOM or Lit code.
 */
import type { IncomingMessage } from 'node:http';
import { createRequestSchema } from '../schema.js';
import type { FieldError, RefundExchangeRequest, RequestIssue, SchemaOptions } from '../schema.js';
import { en } from '../i18n/en.js';
import { issueMessage } from '../i18n/issue-message.js';


export type ParseResult =
  | { ok: true; request: RefundExchangeRequest }
  | { ok: false; errors: FieldError[] };

/**
 * The widget always sends an object, so only an integrator's own client can get this; it is
 * written for them and is therefore not part of the customer's dictionary.
 */
const NOT_AN_OBJECT = 'Send the request as one JSON object.';

/**
 * Checks a parsed JSON body against the same schema the form uses. Errors come one per field
 * (its first problem, in form order), with the English text the form itself would show.
 * Unknown keys are dropped from the request, not reported.
 */
export function parseRequest(body: unknown, options?: SchemaOptions): ParseResult {
  // With the input, a message can say by how much a value is too long.
  const result = createRequestSchema(options).safeParse(body, { reportInput: true });
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
  return [...messages].map(([field, message]) => ({ field, message }));
}

/** Why a body could not be read; `status` is the HTTP answer it calls for. */
export class BodyError extends Error {
  override readonly name = 'BodyError';
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The default limit: five photos at the schema's size limit, plus the text fields. */
const DEFAULT_LIMIT = 40 * 1024 * 1024;

/**
 * Reads a JSON request body of at most `limitBytes` bytes and parses it.
 * Throws `BodyError`: 415 unless it is uncompressed UTF-8 `application/json`, 413 when it is
 * larger than the limit (answer that with `Connection: close`: the rest is left unread),
 * 400 when it is cut off, not UTF-8 or not JSON.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes = DEFAULT_LIMIT): Promise<unknown> {
  checkHeaders(req, limitBytes);
  const bytes = await readBytes(req, limitBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BodyError(400, 'The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'The request body is not valid JSON.');
  }
}

function checkHeaders(req: IncomingMessage, limitBytes: number): void {
  const [mediaType = '', ...params] = (req.headers['content-type'] ?? '').split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') {
    throw new BodyError(415, 'Send the request with Content-Type: application/json.');
  }
  const charset = params
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BodyError(415, 'Send the request body as UTF-8.');
  }
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new BodyError(415, 'Send the request body uncompressed.');
  }
  // Refuse early what is announced too large, before a single byte arrives.
  if (Number(req.headers['content-length']) > limitBytes) throw tooLarge(limitBytes);
}

const tooLarge = (limitBytes: number) =>
  new BodyError(413, `The request body is larger than ${limitBytes} bytes.`);

function readBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onCutOff).off('close', onClose);
    };
    const fail = (error: BodyError) => {
      stop();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        // Pausing, not destroying: the socket must stay open to carry the 413.
        req.pause();
        fail(tooLarge(limitBytes));
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onCutOff = () => fail(new BodyError(400, 'The request body was cut off.'));
    const onClose = () => {
      if (!req.complete) onCutOff();
    };
    req.on('data', onData).on('end', onEnd).on('error', onCutOff).on('close', onClose);
  });
}
