/**
 * Posts one submission and turns every answer, or the lack of one, into a SendResult.
 * Retries what may succeed later, always with the same body and Idempotency-Key, so the
 * server can tell a retry from a new request. Fetch, timers and crypto.
 */
import type { FieldError } from '../fields.js';

export type SendResult =
  | {
      kind: 'success';
      status: number;
      reference?: string;
      /** The JSON body; null when it is empty, not JSON, or over 64 KB and so not read. */
      response: unknown;
    }
  | { kind: 'fields'; status: number; errors: FieldError[] }
  | {
      kind: 'failure';
      reason: 'server' | 'network' | 'timeout' | 'too-large' | 'rate-limited' | 'refused';
      status?: number;
      /** Seconds the server asked us to wait (a 409, 429 or 5xx with Retry-After). */
      retryAfter?: number;
    };

export interface SendOptions {
  url: string;
  body: unknown;
  /** One per submission (see newIdempotencyKey); every attempt carries it. */
  idempotencyKey: string;
  /** Aborting it makes send() reject with an AbortError at once, without retrying. */
  signal?: AbortSignal;
  /** Per attempt, including reading the answer. Default 20000. */
  timeoutMs?: number;
  /** Further attempts after a 5xx, 409, timeout, network failure (while online) or short 429. Default 2. */
  retries?: number;
  /** Wait before retry number `attempt` (0-based). Default about 600 ms × 3^attempt. */
  backoffMs?: (attempt: number) => number;
  fetch?: typeof fetch;
}

/** A random UUID v4. `randomUUID` exists only in secure contexts, hence the fallback. */
export function newIdempotencyKey(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  // Byte 6 carries the version (4), byte 8 the variant (10xx).
  const h = Array.from(crypto.getRandomValues(new Uint8Array(16)), (x, i) =>
    (i === 6 ? (x & 0x0f) | 0x40 : i === 8 ? (x & 0x3f) | 0x80 : x).toString(16).padStart(2, '0'),
  ).join('');
  return h.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

type Failure = Extract<SendResult, { kind: 'failure' }>;

/** Longest Retry-After (s) we wait out ourselves; longer ones go back to the customer. */
const MAX_WAIT = 10;
/** Bytes of an answer read at most; a longer one is not read on, and its status alone speaks. */
const MAX_BODY = 65536;
const MAX_ERRORS = 50;
const MAX_MESSAGE = 500;

const aborted = () => new DOMException('The submission was aborted', 'AbortError');
const fail = (reason: Failure['reason'], status?: number, retryAfter?: number): Failure => ({
  kind: 'failure',
  reason,
  ...(status ? { status } : {}),
  ...(retryAfter === undefined ? {} : { retryAfter }),
});

/** Never throws, except an AbortError when `signal` aborts. */
export async function send(options: SendOptions): Promise<SendResult> {
  const { signal, retries = 2, backoffMs = (n) => 600 * 3 ** n * (0.75 + Math.random() / 2) } = options;
  const body = JSON.stringify(options.body);
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw aborted();
    const result = await attemptOnce(options, body);
    if (result.kind !== 'failure' || attempt >= retries) return result;
    const { reason, retryAfter = Infinity } = result;
    // Offline, retrying only burns attempts: the caller waits for the connection instead.
    if (reason === 'network' && navigator.onLine === false) return result;
    // What may pass by itself is retried, after the server's Retry-After when it gave a short
    // one; a refusal would only be refused again.
    const wait =
      retryAfter <= MAX_WAIT && (reason === 'server' || reason === 'rate-limited')
        ? retryAfter * 1000
        : reason === 'server' || reason === 'network' || reason === 'timeout'
          ? backoffMs(attempt)
          : -1;
    if (wait < 0) return result;
    await sleep(wait, signal);
  }
}

async function attemptOnce(options: SendOptions, body: string): Promise<SendResult> {
  const { signal, timeoutMs = 20000 } = options;
  // Taken out of the options object: calling it as a method would make `this` wrong.
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  const stop = () => controller.abort();
  const timer = setTimeout(stop, timeoutMs);
  signal?.addEventListener('abort', stop);
  try {
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Idempotency-Key': options.idempotencyKey,
      },
      body,
      // The request carries all it needs; the host page's cookies are none of the endpoint's
      // business, and without them a cross-origin endpoint needs no credentialed CORS.
      credentials: 'omit',
      mode: 'cors',
      // A 301/302/303 would turn the POST into a bodiless GET whose 2xx looks like success.
      // 'manual' shows the redirect as such, so we report it instead of losing the request.
      redirect: 'manual',
      signal: controller.signal,
    });
    return classify(response, await readBody(response));
  } catch {
    if (signal?.aborted) throw aborted();
    return fail(controller.signal.aborted ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * The body as text, or undefined when it is over MAX_BODY: a huge error page would otherwise
 * be downloaded in full on every attempt. Aborting the fetch (timeout, caller) rejects a read.
 */
async function readBody(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  // Streaming, so a character split between two chunks is decoded whole.
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      if ((size += value.byteLength) > MAX_BODY) return undefined;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    // Stops the download of whatever is left (nothing, once it is done).
    reader.cancel().catch(() => undefined);
  }
}

function classify(response: Response, text: string | undefined): SendResult {
  const { status } = response;
  if (response.type === 'opaqueredirect') return fail('refused');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the status alone speaks.
  }
  const data = (json ?? {}) as { reference?: unknown; errors?: unknown };
  if (status >= 200 && status < 300) {
    const { reference: r } = data;
    const reference = typeof r === 'number' || (typeof r === 'string' && r) ? String(r) : undefined;
    return { kind: 'success', status, ...(reference ? { reference } : {}), response: json };
  }
  if (status === 400 || status === 422) {
    const errors = fieldErrors(data.errors);
    return errors.length ? { kind: 'fields', status, errors } : fail('refused', status);
  }
  if (status === 413) return fail('too-large', status);
  const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
  if (status === 429) return fail('rate-limited', status, retryAfter);
  // 409: an earlier attempt with this key (one that timed out here) is still being handled.
  if (status >= 500 || status === 409) return fail('server', status, retryAfter);
  return fail('refused', status);
}

/** The server's messages are shown as text; bound how many and how long. */
function fieldErrors(list: unknown): FieldError[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is { field?: unknown; message: string } => typeof e?.message === 'string')
    .slice(0, MAX_ERRORS)
    .map(({ field, message }) => ({
      field: typeof field === 'string' ? field : '',
      message: message.slice(0, MAX_MESSAGE),
    }));
}

/** `Retry-After` is either seconds or an HTTP date. */
function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      done();
      reject(aborted());
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal?.addEventListener('abort', cancel);
  });
}
