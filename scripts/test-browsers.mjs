// The browser tests: Chromium and Firefox in one run, then WebKit in a run of its own. Now and
// then MiniBrowser under WebKitWebDriver stalls a test whole (a 1.5 s test timed out at 10 s, a
// 0.2 s one at 30 s; neither again in 16 runs of its file), which the other engines never do.
// So a WebKit test file that fails is run once more, by itself in a fresh browser, and the
// output says so; the tests pass only if it passes then. Arguments (e.g. `--files …`) go to the
// first runs; BROWSERS picks the engines as in the config.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES } from './engines.mjs';

/** More failed files than a stall makes: those failures stand. */
const MOST_AGAIN = 2;
const bin = new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url).pathname;

/** Runs the tests in `engines`; true if they passed. */
const run = (engines, args, env = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env, BROWSERS: engines.join(',') },
  }).status === 0;

const args = process.argv.slice(2);
const others = ENGINES.filter((engine) => engine !== 'webkit');
let passed = others.length ? run(others, args) : true;
if (ENGINES.includes('webkit')) {
  const dir = mkdtempSync(join(tmpdir(), 'rxf-webkit-'));
  // The config's failedFiles reporter writes the files that failed here.
  const list = join(dir, 'failed.json');
  if (!run(['webkit'], args, { WTR_FAILED_FILES: list })) {
    const failed = existsSync(list) ? JSON.parse(readFileSync(list, 'utf8')) : [];
    if (failed.length === 0 || failed.length > MOST_AGAIN) passed = false;
    else {
      console.log(`\nWebKit: running ${failed.join(' and ')} once more, by itself (MiniBrowser stalls a test now and then).\n`);
      const again = run(['webkit'], ['--files', ...failed]);
      console.log(`WebKit: ${failed.join(' and ')} ${again ? 'passed' : 'failed'} when run again.`);
      passed &&= again;
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(passed ? 0 : 1);
