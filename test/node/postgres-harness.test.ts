// The throwaway PostgreSQL of scripts/postgres.mjs: it serves the URL it gives, committed rows
// survive a crash restart and a SIGKILL of every server process, and stop() leaves nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { startPostgres } from '../../scripts/postgres.mjs';
import type { Postgres } from '../../scripts/postgres.mjs';

describe('PostgreSQL test harness', { timeout: 30_000 }, () => {
  let server: Postgres;

  /** Runs one query on a connection of its own, so none is left open across a restart. */
  async function query(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  before(async () => {
    server = await startPostgres();
  });
  // If a test failed before its stop(), this still removes the cluster (stop is idempotent).
  after(() => server?.stop());

  it('serves the URL it gives, as user app, in UTF-8', async () => {
    assert.equal(server.url, `postgres://app@127.0.0.1:${server.port}/postgres`);
    const { rows } = await query('SELECT current_user AS "user", current_setting($1) AS encoding', [
      'server_encoding',
    ]);
    assert.deepEqual(rows, [{ user: 'app', encoding: 'UTF8' }]);
  });

  it('keeps a committed row across an immediate restart', async () => {
    await query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
    await query('INSERT INTO notes VALUES (1, $1)', ['Grüße, 東京']);
    await server.restart({ mode: 'immediate' });
    const { rows } = await query('SELECT id, body FROM notes');
    assert.deepEqual(rows, [{ id: 1, body: 'Grüße, 東京' }]);
  });

  it('keeps committed rows across a SIGKILL of every server process', async () => {
    await query('INSERT INTO notes VALUES (2, $1)', ['after the restart']);
    await server.kill();
    await assert.rejects(query('SELECT 1'));
    await server.restart();
    const { rows } = await query('SELECT id FROM notes ORDER BY id');
    assert.deepEqual(rows, [{ id: 1 }, { id: 2 }]);
  });

  it('stops for good and removes its dir', async () => {
    assert.ok(existsSync(server.dir));
    await server.stop();
    assert.equal(existsSync(server.dir), false);
    await server.stop();
    await assert.rejects(server.restart(), /stopped for good/);
  });
});
