/**
 * What a receiver needs from where requests are kept, behind one interface: a request, its
 * Idempotency-Key and its used captcha puzzle go in together or not at all. `openPGliteStore`
 * and `openPostgresStore` keep them in PostgreSQL; `functionStore` forwards each request to
 * the host's own function and remembers keys and puzzles in this process.
 */
import type { ImagePayload, RefundExchangeRequest, WithdrawalStatement } from '../schema.js';

/** A captcha puzzle that passed: it may pass once, and is remembered until it expires. */
export interface UsedPuzzle {
  id: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** The captcha's verdict, asked for only when the key is new: a repeat carries the same solution. */
export type CaptchaOutcome<R> = { ok: true; puzzle?: UsedPuzzle | undefined } | { ok: false; refusal: R };

/**
 * A withdrawal statement as it is kept: `verified` says whether its captcha passed. A statement
 * is accepted without one (Article 11a allows no hurdle), so this only helps sort out abuse.
 */
export type ReceivedWithdrawal = Omit<WithdrawalStatement, 'captcha'> & { verified: boolean };

/** A checked request or withdrawal statement as it is kept: the captcha solution has done its job by then. */
export type ReceivedRequest = Omit<RefundExchangeRequest, 'captcha'> | ReceivedWithdrawal;

/** Whether a kept request is a withdrawal statement. */
export const isWithdrawal = <T extends { kind?: string }>(request: T): request is Extract<T, { kind: 'withdrawal' }> =>
  request.kind === 'withdrawal';

export interface ReceiveEntry {
  request: ReceivedRequest;
  idempotencyKey?: string | undefined;
  /** The hex SHA-256 of the request: a key may be used again only with the same request. */
  fingerprint: string;
}

export type ReceiveResult<R> =
  /**
   * Durable before this resolves; `replayed` when the key had stored it before. `receivedAt`
   * (ISO 8601) is the store's own time of receipt.
   */
  | { state: 'stored'; reference: string; receivedAt: string; replayed: boolean }
  /** Another request with this key is being handled right now. */
  | { state: 'in-progress' }
  /** The key was used for another request. */
  | { state: 'mismatch' }
  /** The captcha check said no. */
  | { state: 'refused'; refusal: R }
  /** The captcha's puzzle was already used by another request. */
  | { state: 'puzzle-replayed' };

export interface RequestStore {
  /**
   * Claims the key, and when it is new runs `check`, records the puzzle and stores the
   * request, all in one atomic step. Rejects when the outcome may not be durable: then
   * nothing was acknowledged, and a retry with the same key is safe.
   */
  receive<R>(entry: ReceiveEntry, check: () => Promise<CaptchaOutcome<R>>): Promise<ReceiveResult<R>>;
  /**
   * Withdrawal statements whose acknowledgement is due (never sent, and not claimed or failed
   * too recently), oldest first, each claimed for `leaseMs` so that no other process sends it too.
   * Every stored statement is due at once.
   */
  dueAcknowledgements(limit: number, leaseMs: number): Promise<DueAcknowledgement[]>;
  /** Records an acknowledgement sent, or an attempt that failed and when to try again. */
  recordAcknowledgement(reference: string, outcome: AcknowledgementOutcome): Promise<void>;
  close(): Promise<void>;
}

/** A withdrawal statement whose acknowledgement is to be sent. */
export interface DueAcknowledgement {
  reference: string;
  /** ISO 8601: the store's time of receipt. */
  receivedAt: string;
  statement: ReceivedWithdrawal;
  /** Attempts made before this one. */
  attempts: number;
}

export type AcknowledgementOutcome = { sentAt: Date; messageId?: string | undefined } | { error: string; retryAt: Date };

/** How an acknowledgement stands, as the read API gives it. */
export interface AcknowledgementState {
  /** ISO 8601, once sent. */
  sentAt?: string;
  attempts: number;
  /** Why the last attempt failed, while it is not sent. */
  lastError?: string;
}

/** A photo's description; its bytes are read with `RequestReader.image()`. */
export type StoredImage = Omit<ImagePayload, 'data'> & { bytes: number };

/** A stored request as the read API and the inbox give it. */
export interface StoredRequest {
  reference: string;
  idempotencyKey: string | null;
  /** ISO 8601. */
  receivedAt: string;
  /** The request, each photo described but without its `data`; or the withdrawal statement. */
  request: (Omit<Extract<ReceivedRequest, { kind?: 'request' }>, 'images'> & { images?: StoredImage[] }) | ReceivedWithdrawal;
  /** A withdrawal statement's acknowledgement. */
  acknowledgement?: AcknowledgementState;
  /** Opaque: pass it as `after` to read the requests stored after this one. */
  cursor: string;
}

export interface RequestReader {
  /** Oldest first, in the order they were stored, after `after` (a cursor; none: from the start). */
  list(options: { after?: string | undefined; limit: number }): Promise<StoredRequest[]>;
  /** Newest first, `limit` from `offset`, and how many there are in all. */
  page(options: { offset: number; limit: number }): Promise<{ items: StoredRequest[]; total: number }>;
  /** Photo `n` (from 0) of a request, or undefined. */
  image(reference: string, n: number): Promise<{ name: string; type: string; data: Uint8Array } | undefined>;
}

// No 0/O or 1/I: the customer may read the reference out over the phone.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `RX-261130-7KQ2MZ`: the date helps a person; 32^6 codes a day make a clash rare, and it is retried. */
export function newReference(now = new Date()): string {
  const date = now.toISOString().slice(2, 10).replaceAll('-', '');
  let code = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(6))) code += ALPHABET[byte & 31];
  return `RX-${date}-${code}`;
}

/** How long `functionStore` remembers a key: retries of one submission come within minutes. */
const KEY_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * A store that hands each request to `forward` (a helpdesk, a queue) and waits for its
 * reference. Keys (for 24 hours), used puzzles and the acknowledgements of withdrawal
 * statements still to send are remembered in this process only: behind a load balancer, or
 * where an acknowledgement must survive a restart, use a PostgreSQL store instead.
 */
export function functionStore(
  forward: (request: ReceivedRequest, context: { idempotencyKey?: string | undefined }) => Promise<string>,
  options: { now?: () => number } = {},
): RequestStore {
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, string>();
  const stored = new Map<string, { fingerprint: string; reference: string; receivedAt: string; at: number }>();
  const puzzles = new Map<string, number>();
  /** Acknowledgements not yet sent, by reference, with when each is due. */
  const outbox = new Map<string, DueAcknowledgement & { dueAt: number }>();

  const sweep = (at: number) => {
    for (const [id, expiresAt] of puzzles) if (expiresAt < at) puzzles.delete(id);
    for (const [key, entry] of stored) if (entry.at + KEY_MEMORY_MS < at) stored.delete(key);
  };

  return {
    async receive({ request, idempotencyKey: key, fingerprint }, check) {
      sweep(now());
      if (key !== undefined) {
        const known = stored.get(key) ?? (inFlight.has(key) ? { fingerprint: inFlight.get(key) } : undefined);
        if (known && known.fingerprint !== fingerprint) return { state: 'mismatch' };
        if (known && 'reference' in known) {
          return { state: 'stored', reference: known.reference, receivedAt: known.receivedAt, replayed: true };
        }
        if (known) return { state: 'in-progress' };
        inFlight.set(key, fingerprint);
      }
      try {
        const outcome = await check();
        if (!outcome.ok) return { state: 'refused', refusal: outcome.refusal };
        const { puzzle } = outcome;
        if (puzzle && puzzles.has(puzzle.id)) return { state: 'puzzle-replayed' };
        if (puzzle) puzzles.set(puzzle.id, puzzle.expiresAt);
        let reference: string;
        try {
          reference = await forward(request, { idempotencyKey: key });
        } catch (error) {
          // Not stored: the customer's retry may use the same puzzle.
          if (puzzle) puzzles.delete(puzzle.id);
          throw error;
        }
        const at = now();
        const receivedAt = new Date(at).toISOString();
        if (key !== undefined) stored.set(key, { fingerprint, reference, receivedAt, at });
        if (isWithdrawal(request)) outbox.set(reference, { reference, receivedAt, statement: request, attempts: 0, dueAt: at });
        return { state: 'stored', reference, receivedAt, replayed: false };
      } finally {
        if (key !== undefined) inFlight.delete(key);
      }
    },
    async dueAcknowledgements(limit, leaseMs) {
      const at = now();
      const due = [...outbox.values()].filter((entry) => entry.dueAt <= at).sort((a, b) => a.dueAt - b.dueAt);
      return due.slice(0, limit).map((entry) => {
        entry.dueAt = at + leaseMs;
        return { reference: entry.reference, receivedAt: entry.receivedAt, statement: entry.statement, attempts: entry.attempts };
      });
    },
    async recordAcknowledgement(reference, outcome) {
      const entry = outbox.get(reference);
      if (!entry) return;
      if ('sentAt' in outcome) outbox.delete(reference);
      else outbox.set(reference, { ...entry, attempts: entry.attempts + 1, dueAt: outcome.retryAt.getTime() });
    },
    async close() {},
  };
}
