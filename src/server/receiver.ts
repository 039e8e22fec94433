/**
 * The whole receiving endpoint as one Fetch handler, `(Request) => Promise<Response>`: CORS,
 * the body, the schema, the captcha, the Idempotency-Key and the store, in that order. A 2xx
 * goes out only once the request is durable.
 */
import { createHash } from 'node:crypto';
import type { EndpointBody, ErrorResponse, SchemaOptions, SuccessResponse } from '../schema.js';
import { startAcknowledger, type AcknowledgementOptions } from './acknowledge.js';
import { BodyError, DEFAULT_LIMIT_BYTES, readJsonBody } from './body.js';
import { captchaFieldError, captchaUnavailable } from './captcha.js';
import type { CaptchaFailureReason } from './captcha.js';
import { parseRequest } from './parse.js';
import { checkChannels } from '../channels.js';
import type { PuzzleIssuer } from './puzzle.js';
import { verifyHosted } from './siteverify.js';
import type { HostedVerifyOptions } from './siteverify.js';
import { functionStore, isWithdrawal } from './store.js';
import type { CaptchaOutcome, ReceivedRequest, ReceivedWithdrawal, ReceiveResult, RequestStore } from './store.js';

export interface ReceiverOptions {
  /**
   * Where requests go: a store (`openPGliteStore`, `openPostgresStore`), or a function that
   * forwards a request and resolves with its reference once it is safely kept.
   */
  store:
    | RequestStore
    | ((request: ReceivedRequest, context: { idempotencyKey?: string | undefined }) => Promise<string>);
  /**
   * The captcha every request must solve: puzzles this server issues (`createPuzzleIssuer`),
   * or the hosted service's siteverify. Left out: no captcha is asked for.
   */
  captcha?: { puzzles: PuzzleIssuer } | { hosted: HostedVerifyOptions } | undefined;
  /**
   * Origins of the storefronts that may post from the browser, e.g. `https://shop.example`;
   * a RegExp tests the whole origin. The endpoint's own origin is always allowed.
   */
  allowedOrigins?: readonly (string | RegExp)[];
  /**
   * The purchase sites, the shop's channels and the photo count the form offers (see
   * `createRequestSchema`); give the same `channels` as the form. A channel `checkChannels`
   * refuses throws here.
   */
  schema?: Omit<SchemaOptions, 'captcha'>;
  /** Largest body accepted. Default 40 MiB: five photos at the schema's limit. */
  limitBytes?: number;
  /** Seconds a client should wait after a 503. Default 5. */
  retryAfterSeconds?: number;
  /**
   * How withdrawal statements are acknowledged: by email over SMTP, at once, and again until
   * sent. Without it a statement is still stored and its acknowledgement kept due (a SQL
   * store keeps it across restarts), but none is sent.
   */
  acknowledgements?: AcknowledgementOptions;
  /** Told of every store failure (answered 503) and failed acknowledgement. Default: `console.error`. */
  onError?: (error: unknown) => void;
}

export type FetchHandler = (request: Request) => Promise<Response>;

/** The endpoint, and the acknowledgements it sends in the background. */
export interface Receiver extends FetchHandler {
  /** Resolves once the acknowledgements due so far have had their attempt (for tests and shutdown). */
  acknowledged(): Promise<void>;
  /** Stops sending acknowledgements; the store stays open (it is the host's to close). */
  close(): Promise<void>;
}

/** Idempotency-Key values: the widget sends a UUID; anything printable up to 255 characters will do. */
const KEY = /^[\x21-\x7e]{1,255}$/;

const MESSAGES = {
  method: 'Send the request with POST.',
  origin: 'This site may not send requests to this endpoint.',
  key: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.',
  inProgress: 'A request with this Idempotency-Key is still being processed. Try again shortly.',
  mismatch: 'This Idempotency-Key was already used for a different request. Send a new submission with a new key.',
  unavailable: 'The request could not be stored right now. Please try again shortly.',
} as const;

/**
 * Builds the endpoint. Mount it at any path: it answers POST and the CORS preflight. Errors
 * use the contract's `{ errors: [{ field, message }] }` and never repeat what was sent.
 */
export function createReceiver(options: ReceiverOptions): Receiver {
  const store = typeof options.store === 'function' ? functionStore(options.store) : options.store;
  const { captcha } = options;
  const limitBytes = options.limitBytes ?? DEFAULT_LIMIT_BYTES;
  const retryAfter = String(options.retryAfterSeconds ?? 5);
  const onError = options.onError ?? ((error: unknown) => console.error('refund-exchange-form receiver:', error));
  const schema: SchemaOptions = { ...options.schema, captcha: captcha !== undefined };
  // The browser drops a channel it cannot offer; a server is told at once.
  const { channels, problems } = checkChannels(options.schema?.channels);
  if (problems.length) throw new TypeError(`refund-exchange-form receiver: channels refused: ${problems.join('; ')}`);
  const acknowledger = options.acknowledgements && startAcknowledger(store, options.acknowledgements, channels, onError);

  // Compiled once; anchored, so a RegExp must match the whole origin, and without g or y,
  // whose lastIndex would make `test` answer differently each time.
  const origins = (options.allowedOrigins ?? []).map((allowed) =>
    typeof allowed === 'string' ? allowed : new RegExp(`^(?:${allowed.source})$`, allowed.flags.replace(/[gy]/g, '')),
  );
  const isAllowed = (origin: string, request: Request) =>
    sameHost(origin, request.url) ||
    origins.some((allowed) => (typeof allowed === 'string' ? allowed === origin : allowed.test(origin)));

  async function receive(request: Request): Promise<Response> {
    const key = idempotencyKey(request.headers.get('idempotency-key'));
    if (key === null) return answer(400, { errors: [{ field: '', message: MESSAGES.key }] });
    let body: unknown;
    try {
      body = await readJsonBody(request, limitBytes);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return answer(error.status, { errors: [{ field: '', message: error.message }] });
    }
    const parsed = parseRequest(body, schema);
    if (!parsed.ok) return answer(422, { errors: parsed.errors });
    const { captcha: solution, ...toStore } = parsed.request;

    const check = async (): Promise<CaptchaOutcome<CaptchaFailureReason>> => {
      if (!captcha) return { ok: true };
      if ('puzzles' in captcha) {
        const result = captcha.puzzles.check(solution);
        return result.ok ? { ok: true, puzzle: { id: result.id, expiresAt: result.expiresAt } } : { ok: false, refusal: result.reason };
      }
      const result = await verifyHosted(solution, captcha.hosted);
      return result.ok ? { ok: true } : { ok: false, refusal: result.reason };
    };

    const entry = { idempotencyKey: key, fingerprint: fingerprint(parsed.request) };
    let result: ReceiveResult<CaptchaFailureReason>;
    try {
      if (isWithdrawal(toStore)) {
        // Never refused for its captcha: kept, marked unverified, as Article 11a allows no hurdle.
        const statement: ReceivedWithdrawal = { ...toStore, verified: false };
        const unverified = async () => ({ ok: true as const });
        const verified = async () => {
          const outcome = await check();
          statement.verified = outcome.ok;
          return outcome.ok ? outcome : { ok: true as const };
        };
        result = await store.receive({ ...entry, request: statement }, verified);
        if (result.state === 'puzzle-replayed') {
          statement.verified = false;
          result = await store.receive({ ...entry, request: statement }, unverified);
        }
      } else {
        result = await store.receive({ ...entry, request: toStore }, check);
      }
    } catch (error) {
      onError(error);
      return answer(503, { errors: [{ field: '', message: MESSAGES.unavailable }] }, { 'Retry-After': retryAfter });
    }
    switch (result.state) {
      case 'stored':
        if (isWithdrawal(toStore)) acknowledger?.kick();
        return answer(
          201,
          { reference: result.reference, receivedAt: result.receivedAt },
          result.replayed ? { 'Idempotent-Replayed': 'true' } : {},
        );
      case 'in-progress':
        return answer(409, { errors: [{ field: '', message: MESSAGES.inProgress }] }, { 'Retry-After': '1' });
      case 'mismatch':
        return answer(422, { errors: [{ field: '', message: MESSAGES.mismatch }] });
      case 'puzzle-replayed':
        return answer(422, { errors: [captchaFieldError({ ok: false, reason: 'replayed' })] });
      case 'refused': {
        const error = captchaFieldError({ ok: false, reason: result.refusal });
        return captchaUnavailable(result.refusal)
          ? answer(503, { errors: [error] }, { 'Retry-After': retryAfter })
          : answer(422, { errors: [error] });
      }
    }
  }

  const handler = async (request: Request): Promise<Response> => {
    const origin = request.headers.get('origin');
    const allowed = origin === null || isAllowed(origin, request);
    const cors: Record<string, string> = { Vary: 'Origin' };
    if (origin !== null && allowed) cors['Access-Control-Allow-Origin'] = origin;

    let response: Response;
    if (request.method === 'OPTIONS') {
      response = new Response(null, {
        status: 204,
        headers: allowed
          ? {
              'Access-Control-Allow-Methods': 'POST',
              'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
              'Access-Control-Max-Age': '600',
            }
          : {},
      });
    } else if (request.method !== 'POST') {
      response = answer(405, { errors: [{ field: '', message: MESSAGES.method }] }, { Allow: 'POST, OPTIONS' });
    } else if (!allowed) {
      response = answer(403, { errors: [{ field: '', message: MESSAGES.origin }] });
    } else {
      response = await receive(request);
    }
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
    return response;
  };
  return Object.assign(handler, {
    acknowledged: async () => acknowledger?.idle(),
    close: async () => acknowledger?.close(),
  });
}

/** The key without the quotes of the draft's structured-field form; null when unusable, undefined when absent. */
function idempotencyKey(header: string | null): string | null | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  const key = value.length > 1 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return KEY.test(key) && !key.includes('"') ? key : null;
}

/** SHA-256 of the checked request with its keys sorted: the same submission hashes alike however it is spelled. */
function fingerprint(request: EndpointBody): string {
  return createHash('sha256').update(JSON.stringify(request, sortedKeys)).digest('hex');
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sameHost(origin: string, url: string): boolean {
  try {
    return new URL(origin).host === new URL(url).host;
  } catch {
    return false;
  }
}

function answer(status: number, body: Required<SuccessResponse> | ErrorResponse, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
