// `npm run bench`: our form side by side with the same form as plain HTML, a bare Lit element,
// Shoelace + zod and Material Web + zod (bench/alternatives/), in headless Debian Chromium,
// every figure from this one run. A report, not a test: it exits 0 whatever the numbers (and
// says which targets were missed), 1 only when it could not measure.
// Writes bench/results/latest.md and latest.json, puts the headline table into README.md, and
// prints the report.
//
//   npm run bench          builds dist/, then runs this (`node bench/run.mjs` uses dist/ as is)
//   node bench/run.mjs --report   writes the report and README's table again from latest.json
//   BENCH_REPS=15          repetitions of every case, interleaved, each in a fresh browser context
//   CHROMIUM_PATH          default /usr/bin/chromium
//
// Each repetition runs every case once, in an order that turns with each repetition, so that no
// case always runs on a browser just warmed up or a machine just gone busy. One warm-up round,
// not counted, goes first: the browser's first page pays for its own start.
import { execFileSync } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { buildAlternatives } from './build.mjs';
import { audit } from './lighthouse.mjs';
import { CONTROL_REPS, pastedText, pasteRepetition, pasteStats, RATES } from './paste.mjs';
import { report } from './report.mjs';
import { captcha, interact, photos, start, VARIANTS } from './scenarios.mjs';
import { startServer } from './server.mjs';
import { lazyChunks, weigh } from './weight.mjs';

const REPS = Number(process.env.BENCH_REPS ?? 15);
const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, 'bench', 'results');
const LIGHTHOUSE_PAGE = '/demo/us.html';

function giveUp(message) {
  console.error(`bench: could not measure: ${message}`);
  process.exit(1);
}

/** Every case of one repetition, as [key, run]. */
function cases(browser, server, text, rep) {
  const { origin } = server;
  const list = [];
  for (const variant of Object.keys(VARIANTS)) {
    for (const rate of RATES) list.push([{ case: 'start', variant, rate }, () => start(browser, origin, variant, rate)]);
    if (VARIANTS[variant].submit) list.push([{ case: 'interact', variant }, () => interact(browser, origin, variant)]);
  }
  for (const workers of [true, false]) list.push([{ case: 'photos', workers }, () => photos(browser, origin, server, workers)]);
  list.push([{ case: 'captcha' }, () => captcha(browser, origin)]);
  list.push([{ case: 'lighthouse' }, () => audit(browser, origin + LIGHTHOUSE_PAGE)]);
  for (const rate of RATES) list.push([{ case: 'paste', kind: 'form', rate }, () => pasteRepetition(browser, origin, 'form', rate, text)]);
  if (rep < CONTROL_REPS) list.push([{ case: 'paste', kind: 'control', rate: 1 }, () => pasteRepetition(browser, origin, 'control', 1, text)]);
  const turn = (rep * 5) % list.length;
  const ordered = [...list.slice(turn), ...list.slice(0, turn)];
  return rep % 2 ? ordered.reverse() : ordered;
}

const label = (key) => Object.values(key).join(' ');

function git(...args) {
  // No optional locks: `git status` would otherwise refresh the index of a checkout in use.
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }).trim();
}

function commit() {
  try {
    const changed = git('status', '--porcelain', '--', 'src', 'bench', ':!bench/results').split('\n').filter(Boolean).length;
    return `commit ${git('rev-parse', '--short', 'HEAD')}${changed ? ` with ${changed} uncommitted change(s) in src/ or bench/` : ''}`;
  } catch {
    return 'not a git checkout';
  }
}

/** Writes the report, the data and README's headline table, and prints the report. */
async function publish(data) {
  const { markdown, headline, summary } = report(data);
  await mkdir(results, { recursive: true });
  await writeFile(join(results, 'latest.md'), markdown);
  // Six significant digits: more than performance.now() resolves, and enough for `--report` to
  // write the same figures again (ratios too; hundredths made 16.8 % into 17.0 %).
  const rounded = (_key, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v);
  await writeFile(join(results, 'latest.json'), `${JSON.stringify(data, rounded, 1)}\n`);
  const readme = join(root, 'README.md');
  const text = await readFile(readme, 'utf8');
  const marked = /(<!-- bench:headline -->\n)[^]*?(\n<!-- \/bench:headline -->)/;
  if (!marked.test(text)) throw new Error('README.md has no <!-- bench:headline --> markers');
  await writeFile(readme, text.replace(marked, (_, open, close) => `${open}${headline}${close}`));
  console.log(markdown);
  console.log(summary);
}

async function main() {
  await access(join(root, 'dist', 'refund-exchange-form.js')).catch(() =>
    giveUp('dist/refund-exchange-form.js is missing: run `npm run build` first, or `npm run bench`'),
  );
  if (process.argv.includes('--report')) return publish(JSON.parse(await readFile(join(results, 'latest.json'), 'utf8')));
  // What is measured: the checkout as the build saw it.
  const measured = commit();
  const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '? ')).split(' ')[0];
  await buildAlternatives();
  const server = await startServer();
  const browser = await puppeteer
    .launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      protocolTimeout: 300_000,
      // The captcha solves only for a browser that does not say it is automated (NOTES).
      ignoreDefaultArgs: ['--enable-automation'],
      args: [...CHROMIUM_ARGS, '--disable-blink-features=AutomationControlled'],
    })
    .catch(async (error) => {
      await server.close();
      giveUp(`could not start ${CHROMIUM_PATH}: ${error.message}`);
    });
  const chromium = await browser.version();
  const started = performance.now();
  const text = pastedText();
  const runs = [];
  let failed;
  try {
    for (const variant of Object.keys(VARIANTS)) await start(browser, server.origin, variant, 1);
    for (let rep = 0; rep < REPS; rep++) {
      for (const [key, run] of cases(browser, server, text, rep)) {
        let result;
        // A renderer that dies (of the 1 MiB paste, rarely) gets one more try.
        for (let attempt = 0; !result; attempt++) {
          try {
            result = await run();
          } catch (error) {
            if (attempt) throw new Error(`${label(key)}: ${error.message}`);
            console.error(`(${label(key)} failed, once more: ${error.message.split('\n')[0]})`);
          }
        }
        runs.push({ ...key, rep, ...result });
      }
      console.error(`repetition ${rep + 1}/${REPS} done, ${Math.round((performance.now() - started) / 1000)} s`);
    }
    // What each page loaded before any interaction, as its first full-speed start saw it.
    const weights = {};
    for (const variant of Object.keys(VARIANTS)) {
      const first = runs.find((r) => r.case === 'start' && r.variant === variant && r.rate === 1);
      weights[variant] = await weigh(first.loaded);
    }
    const data = {
      environment: {
        date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        commit: measured,
        chromium,
        cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
        cores: cpus().length,
        load,
        node: process.versions.node,
        seconds: Math.round((performance.now() - started) / 1000),
      },
      reps: REPS,
      weights,
      chunks: await lazyChunks(),
      paste: pasteStats(runs.filter((r) => r.case === 'paste')),
      // The page's resource list is in `weights`.
      runs: runs.map((run) => ({ ...run, loaded: undefined })),
    };
    await publish(data);
  } catch (error) {
    failed = error;
  } finally {
    await browser.close();
    await server.close();
  }
  if (failed) giveUp(failed.stack ?? String(failed));
}

await main();
