// Types for scripts/postgres.mjs, so TypeScript tests can import it.

export interface PostgresOptions {
  /** A PostgreSQL server's bin dir; by default ensurePostgres() finds or installs one. */
  bin?: string;
  /** Extra server settings, passed as `-c name=value`. */
  settings?: Record<string, string | number | boolean>;
}

export interface Postgres {
  /** postgres://app@127.0.0.1:<port>/postgres — user `app`, no password. */
  readonly url: string;
  readonly port: number;
  /** The temp dir holding the data dir, the server log and the socket. */
  readonly dir: string;
  /** Stops the server (fast) and removes its dir. Idempotent. */
  stop(): Promise<void>;
  /** Restarts on the same port and data; `immediate` (the default) makes it recover as after a crash. */
  restart(options?: { mode?: 'fast' | 'immediate' }): Promise<void>;
  /** SIGKILLs the postmaster and all its processes; the data stays for restart(). Linux only. */
  kill(): Promise<void>;
}

export function findPostgres(): { bin: string } | undefined;
export function ensurePostgres(): string;
export function startPostgres(options?: PostgresOptions): Promise<Postgres>;
