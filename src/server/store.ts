/**
 * What a receiver needs from where requests are kept, behind one interface: a request, its
 * Idempotency-Key and its used captcha puzzle go in together or not at all. `openPGliteStore`
 * and `openPostgresStore` keep them in PostgreSQL; `functionStore` forwards each request to
 * the host's own function and remembers keys and puzzles in this process.
 */
import type { ImagePayload, RefundExchangeRequest } from '../schema.js';

/** A captcha puzzle that passed: it may pass once, and is remembered until it expires. */
export interface UsedPuzzle {
  id: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** The captcha's verdict, asked for only when the key is new: a repeat carries the same solution. */
export type CaptchaOutcome<R> = { ok: true; puzzle?: UsedPuzzle | undefined } | { ok: false; refusal: R };

/** A checked request as it is kept: the captcha solution has done its job by then. */
export type ReceivedRequest = Omit<RefundExchangeRequest, 'captcha'>;

export interface ReceiveEntry {
  request: ReceivedRequest;
  idempotencyKey?: string | undefined;
  /** The hex SHA-256 of the request: a key may be used again only with the same request. */
  fingerprint: string;
}

export type ReceiveResult<R> =
  /** Durable before this resolves; `replayed` when the key had stored it before. */
  | { state: 'stored'; reference: string; replayed: boolean }
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
  close(): Promise<void>;
}

/** A photo's description; its bytes are read with `RequestReader.image()`. */
export type StoredImage = Omit<ImagePayload, 'data'> & { bytes: number };

/** A stored request as the read API and the inbox give it. */
export interface StoredRequest {
  reference: string;
  idempotencyKey: string | null;
  /** ISO 8601. */
  receivedAt: string;
  /** The request, each photo described but without its `data`. */
  request: Omit<ReceivedRequest, 'images'> & { images?: StoredImage[] };
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
 * reference. Keys (for 24 hours) and used puzzles are remembered in this process only, so
 * behind a load balancer use a PostgreSQL store instead.
 */
export function functionStore(
  forward: (request: ReceivedRequest, context: { idempotencyKey?: string | undefined }) => Promise<string>,
  options: { now?: () => number } = {},
): RequestStore {
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, string>();
  const stored = new Map<string, { fingerprint: string; reference: string; at: number }>();
  const puzzles = new Map<string, number>();

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
        if (known && 'reference' in known) return { state: 'stored', reference: known.reference, replayed: true };
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
        if (key !== undefined) stored.set(key, { fingerprint, reference, at: now() });
        return { state: 'stored', reference, replayed: false };
      } finally {
        if (key !== undefined) inFlight.delete(key);
      }
    },
    async close() {},
  };
}
