// PostgreSQL for the tests: finds a server's binaries (on a Debian machine run as root,
// installs Debian's postgresql package; otherwise says exactly what to install) and runs
// throwaway clusters in temp dirs. `node scripts/postgres.mjs` only makes sure the binaries
// are there, like scripts/browsers.mjs does for the browsers.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const DEBIAN_DIR = '/usr/lib/postgresql';
const isRoot = process.getuid?.() === 0;
const hasServer = (bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'));

/** The directory holding a PostgreSQL server's initdb and pg_ctl, or undefined. */
export function findPostgres() {
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv) return hasServer(fromEnv) ? { bin: fromEnv } : undefined;
  if (existsSync(DEBIAN_DIR)) {
    const versions = readdirSync(DEBIAN_DIR).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    const bin = versions.map((v) => join(DEBIAN_DIR, v, 'bin')).find(hasServer);
    if (bin) return { bin };
  }
  try {
    const bin = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    // Debian's libpq-dev ships a pg_config that names the server's bindir even when no
    // server is installed, so check for the binaries themselves.
    if (hasServer(bin)) return { bin };
  } catch {
    // No pg_config on PATH.
  }
  return undefined;
}

/** The server's bin dir, installing Debian's postgresql first where that is possible. */
export function ensurePostgres() {
  const found = findPostgres();
  if (found) return found.bin;
  if (process.env.POSTGRES_BIN) {
    throw new Error(
      `POSTGRES_BIN=${process.env.POSTGRES_BIN} holds no initdb and pg_ctl. Point it at a ` +
        "PostgreSQL server's bin directory, or unset it.",
    );
  }
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      'The PostgreSQL tests need a PostgreSQL server. Install it with:\n' +
        '  sudo apt-get update && sudo apt-get install -y postgresql\n' +
        'or set POSTGRES_BIN to the directory holding its initdb and pg_ctl.',
    );
  }
  console.log("Installing Debian's postgresql for the PostgreSQL tests…");
  const apt = (args) =>
    execFileSync('apt-get', args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'postgresql']);
  const installed = findPostgres();
  if (!installed) throw new Error(`Installed postgresql, yet found no initdb and pg_ctl under ${DEBIAN_DIR}.`);
  return installed.bin;
}

// Clusters still running, stopped when Node exits normally so none outlives the tests.
const live = new Set();
const stopAllSync = () => {
  for (const abandon of live) abandon();
};

/**
 * Starts a fresh cluster: user `app`, no password, on 127.0.0.1 and a socket in its temp dir.
 * @param {{ bin?: string, settings?: Record<string, string | number | boolean> }} [options]
 *   `bin` overrides the bin dir; `settings` are extra `-c name=value` server settings.
 */
export async function startPostgres({ bin = ensurePostgres(), settings = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  // PostgreSQL refuses to run as root, so as root it runs as Debian's `postgres` user.
  const command = (name, args) =>
    isRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, name), ...args]] : [join(bin, name), args];
  const run = (name, args) => execFileAsync(...command(name, args), { cwd: dir, encoding: 'utf8' });
  const runSync = (name, args) => execFileSync(...command(name, args), { cwd: dir, stdio: 'ignore' });
  const failure = (what, error) => {
    const tail = readText(log).trimEnd().split('\n').slice(-20).join('\n') || '(none)';
    const detail = (error.stderr || error.message || String(error)).trim();
    return new Error(`${what} failed: ${detail}\nServer log, last lines:\n${tail}`, { cause: error });
  };

  let port;
  // pg_ctl hands -o to /bin/sh, hence the quoting.
  const sh = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;
  const serverOptions = () =>
    [
      ['-k', dir],
      ['-p', port],
      ['-c', 'listen_addresses=127.0.0.1'],
      // Room for tests that open many pools at once.
      ['-c', 'max_connections=200'],
      ...Object.entries(settings).map(([name, value]) => ['-c', `${name}=${value}`]),
    ]
      .map(([flag, value]) => `${flag} ${sh(value)}`)
      .join(' ');

  try {
    if (isRoot) execFileSync('chown', ['postgres:', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    // --locale=C: the same collation whatever LANG says; --no-sync: a throwaway cluster
    // needn't wait for initdb's files to reach the disk. The server itself keeps fsync on,
    // since tests check that committed rows survive a crash.
    await run('initdb', ['-D', data, '-A', 'trust', '-U', 'app', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw failure(isRoot ? 'Preparing the cluster as user postgres' : 'initdb', error);
  }

  // A free port can be taken between picking it and the server binding it: then pick again.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    rmSync(log, { force: true });
    try {
      await run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-o', serverOptions()]);
      break;
    } catch (error) {
      const collided = attempt < 5 && readText(log).includes('Address already in use');
      if (collided) continue;
      const err = failure('Starting PostgreSQL', error);
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  const abandon = () => {
    // Best effort while Node exits: immediate is enough since the data goes too.
    try {
      runSync('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
    } catch {
      // Not running.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  if (live.size === 0) process.on('exit', stopAllSync);
  live.add(abandon);

  const running = async () => {
    try {
      await run('pg_ctl', ['status', '-D', data]);
      return true;
    } catch (error) {
      if (error.code === 3) return false; // pg_ctl's "no server running"
      throw failure('pg_ctl status', error);
    }
  };

  let stopping;
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    port,
    dir,

    /** Stops the server (fast: open sessions are ended) and removes its dir. Idempotent. */
    stop() {
      stopping ??= (async () => {
        try {
          if (await running()) await run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
        } catch (error) {
          throw failure('Stopping PostgreSQL', error);
        }
        live.delete(abandon);
        if (live.size === 0) process.off('exit', stopAllSync);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },

    /**
     * Restarts on the same port and data; resolves once it accepts connections again.
     * `immediate` (the default) skips the shutdown checkpoint, so the new server recovers
     * from the WAL as after a crash. Also starts a server that kill() left dead.
     */
    async restart({ mode = 'immediate' } = {}) {
      if (stopping) throw new Error('This PostgreSQL server was stopped for good; start another.');
      try {
        await run('pg_ctl', ['restart', '-D', data, '-l', log, '-m', mode, '-w', '-o', serverOptions()]);
      } catch (error) {
        throw failure(`Restarting PostgreSQL (${mode})`, error);
      }
    },

    /**
     * SIGKILLs the postmaster and every process it forked, like a power cut that spares the
     * OS's cache; resolves once they are all gone. The data dir stays for restart(). Linux only
     * (it reads /proc).
     */
    async kill() {
      const pid = Number(readText(join(data, 'postmaster.pid')).split('\n')[0]);
      if (!pid || gone(pid)) return;
      // Stopped, the postmaster can neither fork nor react while we list its children.
      process.kill(pid, 'SIGSTOP');
      const pids = [pid, ...childrenOf(pid)];
      for (const p of pids) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // Already exited.
        }
      }
      while (!pids.every(gone)) await new Promise((r) => setTimeout(r, 20));
      // A reboot would leave these lock files naming long-gone PIDs; here the dead may linger
      // as zombies (a container's PID 1 may never reap them), which pg_ctl and the next
      // postmaster would take for a live server.
      rmSync(join(data, 'postmaster.pid'), { force: true });
      rmSync(join(dir, `.s.PGSQL.${port}.lock`), { force: true });
    },
  };
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

// /proc/<pid>/stat is "pid (comm) state ppid …"; comm may hold spaces and parentheses.
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

// A zombie counts as gone: it holds no shared memory, and in a container nobody may reap it.
function gone(pid) {
  const s = stat(pid);
  return !s || s.state === 'Z' || s.state === 'X';
}

function childrenOf(pid) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && stat(name)?.ppid === pid)
    .map(Number);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    ensurePostgres();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
