/**
 * The embedded store: PGlite, PostgreSQL compiled to WebAssembly, with its files in a folder.
 * One process owns the folder; for several processes use `openPostgresStore`.
 */
import { openSqlStore } from './sql-store.js';
import type { SqlDatabase, SqlStore } from './sql-store.js';

/**
 * Opens (creating) the database in `dataDir`. Needs the optional peer dependency
 * `@electric-sql/pglite`; a new folder takes a few seconds, as PostgreSQL's initdb runs.
 */
export async function openPGliteStore(dataDir: string): Promise<SqlStore> {
  const { PGlite } = await importPeer<typeof import('@electric-sql/pglite')>('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  const database: SqlDatabase = {
    query: (text, params) => db.query(text, params),
    // PGlite runs one transaction at a time on its one connection.
    transaction: (work) => db.transaction((tx) => work(tx)),
    close: () => db.close(),
  };
  try {
    return await openSqlStore(database, { oneConnection: true });
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** A peer dependency, with a message that says what to install when it is missing. */
export async function importPeer<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(`refund-exchange-form/server: this store needs ${name}. Install it with: npm install ${name}`, {
      cause: error,
    });
  }
}
