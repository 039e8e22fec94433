// The browser tests: Chromium and Firefox in one run, then WebKit in a run of its own, where a
// test that fails is run once more. MiniBrowser under WebKitWebDriver now and then stalls a
// test whole (a 1.5 s test timed out at 10 s, a 0.2 s one at 30 s; neither again in 16 runs of
// its file), which the other engines never do; alone, it also has both cores. Arguments (e.g.
// `--files …`) go to each run; BROWSERS picks the engines as in the config.
import { spawnSync } from 'node:child_process';
import { ENGINES } from './engines.mjs';

const runs = [ENGINES.filter((engine) => engine !== 'webkit'), ENGINES.filter((engine) => engine === 'webkit')];
const bin = new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url).pathname;
let failed = false;
for (const engines of runs.filter((run) => run.length)) {
  const { status } = spawnSync(process.execPath, [bin, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BROWSERS: engines.join(',') },
  });
  if (status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
