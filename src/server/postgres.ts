/**
 * The production store: a PostgreSQL server through `pg`, shared by any number of receiver
 * processes. The same SQL and migrations as the embedded PGlite store.
 */
import { importPeer } from './pglite.js';
import { openSqlStore } from './sql-store.js';
import type { SqlClient, SqlDatabase, SqlStore } from './sql-store.js';

export interface PostgresStoreOptions {
  /** Connections this process may open. Default 10. */
  max?: number;
  /** How long to wait for a connection before the request gets a 503. Default 5000 ms. */
  connectionTimeoutMs?: number;
}

/** Connects to `url` (`postgres://…`, e.g. `DATABASE_URL`). Needs the optional peer dependency `pg`. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<SqlStore> {
  const { default: pg } = await importPeer<{ default: typeof import('pg') }>('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
  });
  // A connection lost while idle (a restarted server) is dropped from the pool, not fatal.
  pool.on('error', () => {});
  /**
   * A connection with a transaction begun. While a connection is lent out the pool does not
   * listen for its errors, so this does: a server gone mid-transaction must not crash the
   * process. A pooled connection that died with a restarted server fails on BEGIN, before
   * anything was done: it is dropped and one fresh one tried.
   */
  async function begin(retry = true) {
    const client = await pool.connect();
    const lost: { error?: Error } = {};
    const onError = (error: Error) => {
      lost.error = error;
    };
    client.on('error', onError);
    const release = (error?: Error) => {
      client.off('error', onError);
      client.release(error);
    };
    try {
      await client.query('BEGIN');
      return { client, lost, release };
    } catch (error) {
      release(error instanceof Error ? error : new Error(String(error)));
      if (retry) return begin(false);
      throw error;
    }
  }
  const database: SqlDatabase = {
    ...clientOf(pool),
    async transaction(work) {
      const { client, lost, release } = await begin();
      let broken: Error | undefined;
      try {
        const result = await work(clientOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        // A connection that failed is not handed out again.
        release(broken ?? lost.error);
      }
    },
    close: () => pool.end(),
  };
  try {
    return await openSqlStore(database);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** `pg` types its rows loosely; the store names the columns it selects. */
const clientOf = (queryable: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> }): SqlClient => ({
  query: async <Row>(text: string, params?: unknown[]) => ({ rows: (await queryable.query(text, params)).rows as Row[] }),
});
