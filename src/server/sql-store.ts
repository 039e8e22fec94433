/**
 * The PostgreSQL store: the same SQL and migrations on PGlite (embedded) and on a server.
 * Requests, their photos and used puzzles are rows with unique keys, so any number of
 * receiver processes sharing one database store each request once and accept each puzzle once.
 */
import type { ImagePayload } from '../schema.js';
import { isWithdrawal, newReference } from './store.js';
import type {
  AcknowledgementState,
  DueAcknowledgement,
  ReceiveEntry,
  ReceivedRequest,
  RequestReader,
  RequestStore,
  StoredImage,
  StoredRequest,
  ReceivedWithdrawal,
  UsedPuzzle,
} from './store.js';

/** The little a store needs of a connection: PGlite's and `pg`'s both fit behind it. */
export interface SqlClient {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlDatabase extends SqlClient {
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type SqlStore = RequestStore & RequestReader;

/**
 * Each entry runs once, in order, in its own transaction. Append only: a shipped migration is
 * never edited, because databases out there have already run it.
 */
const MIGRATIONS = [
  `CREATE TABLE rx_requests (
     id uuid PRIMARY KEY,
     seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
     reference text NOT NULL UNIQUE,
     idempotency_key text UNIQUE,
     fingerprint text NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(),
     request jsonb NOT NULL
   );
   CREATE TABLE rx_images (
     request_id uuid NOT NULL REFERENCES rx_requests (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
     n integer NOT NULL,
     name text NOT NULL,
     type text NOT NULL,
     width integer NOT NULL,
     height integer NOT NULL,
     data bytea NOT NULL,
     PRIMARY KEY (request_id, n)
   );
   CREATE TABLE rx_puzzles (
     id text PRIMARY KEY,
     expires_at timestamptz NOT NULL
   );
   CREATE INDEX rx_puzzles_expires_at ON rx_puzzles (expires_at);`,
  // Each withdrawal statement's acknowledgement, in the statement's transaction: due at once,
  // and due again after a failed attempt until it is sent.
  `CREATE TABLE rx_acknowledgements (
     request_id uuid PRIMARY KEY REFERENCES rx_requests (id) ON DELETE CASCADE,
     attempts integer NOT NULL DEFAULT 0,
     due_at timestamptz NOT NULL DEFAULT now(),
     sent_at timestamptz,
     message_id text,
     last_error text
   );
   CREATE INDEX rx_acknowledgements_due ON rx_acknowledgements (due_at) WHERE sent_at IS NULL;`,
];

// Advisory lock ids: any two constants of this project's own.
const MIGRATION_LOCK = 0x5258_0001;
/** Held from a request's sequence number to its commit, so numbers are committed in order. */
const PUBLISH_LOCK = 0x5258_0002;

/** Expired puzzles are deleted at most this often by each process. */
const PUZZLE_SWEEP_MS = 10 * 60 * 1000;
/** Kept past expiry for servers whose clocks run behind the database's. */
const PUZZLE_GRACE = '1 hour';

/** Thrown inside a transaction to roll it back with an answer. */
class Rollback<T> {
  constructor(readonly result: T) {}
}

/** Brings the database's tables up to date (safe when several processes start at once) and opens the store. */
export interface SqlStoreOptions {
  /**
   * The database has one connection (PGlite) and so one process: keys are guarded in this
   * process, and the captcha check, which may be a network call, runs outside the transaction
   * rather than holding the only connection.
   */
  oneConnection?: boolean;
}

export async function openSqlStore(db: SqlDatabase, options: SqlStoreOptions = {}): Promise<SqlStore> {
  await migrate(db);
  let nextSweep = 0;
  /** Keys being handled in this process, with their fingerprints: a second one need not ask the database. */
  const inFlight = new Map<string, string>();

  async function sweepPuzzles() {
    if (Date.now() < nextSweep) return;
    nextSweep = Date.now() + PUZZLE_SWEEP_MS;
    await db.query(`DELETE FROM rx_puzzles WHERE expires_at < now() - interval '${PUZZLE_GRACE}'`);
  }

  /** What an earlier request with this key decides, if there was one. */
  async function earlier(client: SqlClient, key: string, fingerprint: string) {
    const [row] = await rowsOf<{ reference: string; fingerprint: string; received_at: Date | string }>(
      client,
      'SELECT reference, fingerprint, received_at FROM rx_requests WHERE idempotency_key = $1',
      [key],
    );
    if (!row) return undefined;
    return row.fingerprint === fingerprint
      ? { state: 'stored' as const, reference: row.reference, receivedAt: iso(row.received_at), replayed: true }
      : { state: 'mismatch' as const };
  }

  /** Records the puzzle and the request; rolls back when the puzzle was used before. */
  async function insert(tx: SqlClient, entry: ReceiveEntry, puzzle: UsedPuzzle | undefined) {
    if (puzzle) {
      const inserted = await tx.query(
        'INSERT INTO rx_puzzles (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id',
        [puzzle.id, new Date(puzzle.expiresAt).toISOString()],
      );
      if (inserted.rows.length === 0) throw new Rollback({ state: 'puzzle-replayed' as const });
    }
    const { reference, receivedAt } = await insertRequest(tx, entry.request, entry.idempotencyKey, entry.fingerprint);
    return { state: 'stored' as const, reference, receivedAt, replayed: false };
  }

  async function transaction<T>(work: (tx: SqlClient) => Promise<T>) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (error instanceof Rollback) return error.result as T;
      throw error;
    }
  }

  const store: SqlStore = {
    async receive(entry, check) {
      const { idempotencyKey: key, fingerprint } = entry;
      if (key !== undefined) {
        const held = inFlight.get(key);
        if (held !== undefined) return held === fingerprint ? { state: 'in-progress' } : { state: 'mismatch' };
        inFlight.set(key, fingerprint);
      }
      try {
        await sweepPuzzles();
        // A repeat of a stored request is answered at once, without taking the key's lock.
        const stored = key === undefined ? undefined : await earlier(db, key, fingerprint);
        if (stored) return stored;
        if (options.oneConnection) {
          // No other process: the in-process guard above is the key's lock.
          const outcome = await check();
          if (!outcome.ok) return { state: 'refused', refusal: outcome.refusal };
          return await transaction((tx) => insert(tx, entry, outcome.puzzle));
        }
        return await transaction(async (tx) => {
          if (key !== undefined) {
            // Not waiting: a request holding the key in another process gets 409, as the
            // Idempotency-Key draft asks. Released by the commit, the rollback or a lost connection.
            const [lock] = await rowsOf<{ held: boolean }>(tx, 'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS held', [key]);
            if (!lock?.held) throw new Rollback({ state: 'in-progress' as const });
            const known = await earlier(tx, key, fingerprint);
            if (known) throw new Rollback(known);
          }
          const outcome = await check();
          if (!outcome.ok) throw new Rollback({ state: 'refused' as const, refusal: outcome.refusal });
          return insert(tx, entry, outcome.puzzle);
        });
      } finally {
        if (key !== undefined) inFlight.delete(key);
      }
    },

    async list({ after, limit }) {
      const from = after !== undefined && /^\d{1,18}$/.test(after) ? after : '0';
      const { rows } = await db.query<RequestRow>(
        `${SELECT_REQUESTS} WHERE r.seq > $1 ORDER BY r.seq LIMIT $2`,
        [from, limit],
      );
      return rows.map(storedRequest);
    },

    async page({ offset, limit }) {
      const [{ rows }, { rows: count }] = await Promise.all([
        db.query<RequestRow>(`${SELECT_REQUESTS} ORDER BY r.seq DESC LIMIT $1 OFFSET $2`, [limit, offset]),
        db.query<{ total: string }>('SELECT count(*)::text AS total FROM rx_requests'),
      ]);
      return { items: rows.map(storedRequest), total: Number(count[0]?.total ?? 0) };
    },

    async image(reference, n) {
      const [row] = await rowsOf<{ name: string; type: string; data: Uint8Array }>(
        db,
        `SELECT i.name, i.type, i.data FROM rx_images i JOIN rx_requests r ON r.id = i.request_id
         WHERE r.reference = $1 AND i.n = $2`,
        [reference, n],
      );
      return row;
    },

    async dueAcknowledgements(limit, leaseMs) {
      // Claimed by moving their due time past the lease: another process skips them meanwhile,
      // and one that died while sending leaves them due again once the lease is over.
      const rows = await rowsOf<{ reference: string; received_at: Date | string; request: ReceivedWithdrawal | string; attempts: number }>(
        db,
        `UPDATE rx_acknowledgements a SET due_at = now() + $2 * interval '1 millisecond'
         FROM rx_requests r
         WHERE r.id = a.request_id AND a.request_id IN (
           SELECT request_id FROM rx_acknowledgements WHERE sent_at IS NULL AND due_at <= now()
           ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING r.reference, r.received_at, r.request, a.attempts, a.request_id`,
        [limit, leaseMs],
      );
      return rows
        .map((row): DueAcknowledgement => ({
          reference: row.reference,
          receivedAt: iso(row.received_at),
          statement: typeof row.request === 'string' ? (JSON.parse(row.request) as ReceivedWithdrawal) : row.request,
          attempts: Number(row.attempts),
        }))
        .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
    },

    async recordAcknowledgement(reference, outcome) {
      const sent = 'sentAt' in outcome;
      await db.query(
        `UPDATE rx_acknowledgements SET attempts = attempts + 1,
           sent_at = $2, message_id = $3, last_error = $4, due_at = coalesce($5, due_at)
         WHERE request_id = (SELECT id FROM rx_requests WHERE reference = $1) AND sent_at IS NULL`,
        sent
          ? [reference, outcome.sentAt.toISOString(), outcome.messageId ?? null, null, null]
          : [reference, null, null, outcome.error, outcome.retryAt.toISOString()],
      );
    },

    close: () => db.close(),
  };
  return store;
}

async function migrate(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    // Processes starting together take turns; the second finds the work done.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS rx_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM rx_migrations');
    const done = Number(rows[0]?.version ?? 0);
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index < done) continue;
      for (const statement of sql.split(/;\s*(?:\n|$)/).filter((s) => s.trim())) await tx.query(statement);
      await tx.query('INSERT INTO rx_migrations (version) VALUES ($1)', [index + 1]);
    }
  });
}

async function insertRequest(
  tx: SqlClient,
  request: ReceivedRequest,
  key: string | undefined,
  fingerprint: string,
): Promise<{ reference: string; receivedAt: string }> {
  const id = crypto.randomUUID();
  if (isWithdrawal(request)) {
    const published = await publish(tx, id, request, key, fingerprint);
    // Due at once: stored together, so no statement is ever kept without its acknowledgement.
    await tx.query('INSERT INTO rx_acknowledgements (request_id) VALUES ($1)', [id]);
    return published;
  }
  const { images = [], ...rest } = request;
  // Photos as bytes in their own rows: half the size of base64, and a list never loads them.
  for (const [n, image] of images.entries()) {
    await tx.query('INSERT INTO rx_images (request_id, n, name, type, width, height, data) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      id,
      n,
      image.name,
      image.type,
      image.width,
      image.height,
      Buffer.from(image.data, 'base64'),
    ]);
  }
  const described: StoredRequest['request'] = rest;
  if (images.length) described.images = images.map(describeImage);
  return publish(tx, id, described, key, fingerprint);
}

/** Inserts the request's row under a new reference, last, with the sequence taken in commit order. */
async function publish(
  tx: SqlClient,
  id: string,
  request: StoredRequest['request'],
  key: string | undefined,
  fingerprint: string,
): Promise<{ reference: string; receivedAt: string }> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
  for (;;) {
    const reference = newReference();
    const { rows } = await tx.query<{ received_at: Date | string }>(
      `INSERT INTO rx_requests (id, reference, idempotency_key, fingerprint, request)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (reference) DO NOTHING RETURNING received_at`,
      [id, reference, key ?? null, fingerprint, JSON.stringify(request)],
    );
    if (rows[0]) return { reference, receivedAt: iso(rows[0].received_at) };
  }
}

function describeImage({ data, ...image }: ImagePayload): StoredImage {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return { ...image, bytes: (data.length / 4) * 3 - padding };
}

interface RequestRow {
  reference: string;
  idempotency_key: string | null;
  received_at: Date | string;
  request: StoredRequest['request'] | string;
  cursor: string;
  ack_attempts: number | null;
  ack_sent_at: Date | string | null;
  ack_error: string | null;
}

const SELECT_REQUESTS = `SELECT r.reference, r.idempotency_key, r.received_at, r.request, r.seq::text AS cursor,
  a.attempts AS ack_attempts, a.sent_at AS ack_sent_at, a.last_error AS ack_error
  FROM rx_requests r LEFT JOIN rx_acknowledgements a ON a.request_id = r.id`;

/** PGlite gives a timestamptz as a Date, `pg` too; text from either is read the same. */
const iso = (value: Date | string) => new Date(value).toISOString();

function storedRequest(row: RequestRow): StoredRequest {
  const stored: StoredRequest = {
    reference: row.reference,
    idempotencyKey: row.idempotency_key,
    receivedAt: iso(row.received_at),
    request: typeof row.request === 'string' ? (JSON.parse(row.request) as StoredRequest['request']) : row.request,
    cursor: row.cursor,
  };
  if (row.ack_attempts !== null) {
    const acknowledgement: AcknowledgementState = { attempts: Number(row.ack_attempts) };
    if (row.ack_sent_at !== null) acknowledgement.sentAt = iso(row.ack_sent_at);
    else if (row.ack_error !== null) acknowledgement.lastError = row.ack_error;
    stored.acknowledgement = acknowledgement;
  }
  return stored;
}

/** The rows of one query. */
const rowsOf = <Row>(client: SqlClient, text: string, params: unknown[]) =>
  client.query<Row>(text, params).then((result) => result.rows);
