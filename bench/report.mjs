// The benchmark's report: the headline ratios, the targets of issue 11, and every figure with
// its median, min and max over the repetitions.
import { FRAME, pasteSection, RATES } from './paste.mjs';
import { VARIANTS } from './scenarios.mjs';
import { kb, median, ms, row, spread, SPREAD_HEAD } from './stats.mjs';

const OTHERS = Object.keys(VARIANTS).filter((v) => v !== 'ours');
const range = (s, unit = ms) => (s ? `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})` : '–');
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const percent = (x) => `${(x * 100).toFixed(1)} %`;
const plain = (x) => String(Math.round(x * 1000) / 1000);

/** The spreads of every figure, from the runs. */
function figures(data) {
  const of = (filter, f) => spread(data.runs.filter(filter).map(f));
  const runs = (c) => (r) => r.case === c;
  const fig = { start: {}, interact: {} };
  for (const variant of Object.keys(VARIANTS)) {
    fig.start[variant] = {};
    for (const rate of RATES) {
      const mine = (r) => r.case === 'start' && r.variant === variant && r.rate === rate;
      fig.start[variant][rate] = {
        ready: of(mine, (r) => r.ready),
        whole: of(mine, (r) => r.whole),
        fcp: of(mine, (r) => r.fcp),
        longest: of(mine, (r) => r.longest),
        longTasks: of(mine, (r) => r.longTasks),
        blocking: of(mine, (r) => r.blocking),
        heap: rate === 1 ? of(mine, (r) => r.heap) : undefined,
      };
    }
    if (!VARIANTS[variant].submit) continue;
    const mine = (r) => r.case === 'interact' && r.variant === variant;
    fig.interact[variant] = {
      summary: of(mine, (r) => r.summary),
      error: of(mine, (r) => median(r.errors)),
      cleared: of(mine, (r) => median(r.cleared)),
    };
  }
  for (const [key, workers] of [['photos', true], ['photosOnPage', false]]) {
    const mine = (r) => r.case === 'photos' && r.workers === workers;
    fig[key] = {
      ms: of(mine, (r) => r.ms),
      longest: of(mine, (r) => r.longest),
      sentRatio: of(mine, (r) => r.sentRatio),
      heap: of(mine, (r) => r.heap),
    };
  }
  fig.captcha = of(runs('captcha'), (r) => r.ms);
  const lighthouse = data.runs.filter(runs('lighthouse'));
  fig.lighthouse = {
    scores: Object.fromEntries(Object.keys(lighthouse[0]?.scores ?? {}).map((c) => [c, spread(lighthouse.map((r) => r.scores[c]))])),
    metrics: Object.fromEntries(Object.keys(lighthouse[0]?.metrics ?? {}).map((m) => [m, spread(lighthouse.map((r) => r.metrics[m]))])),
    failing: [...new Set(lighthouse.flatMap((r) => r.failing))],
  };
  return fig;
}

/** "0.29× (18.3 / 74.4 KB)": ours ÷ theirs, with both medians. */
function ratio(ours, theirs, unit) {
  if (ours === undefined || theirs === undefined) return '–';
  const both = `${unit(ours)} / ${unit(theirs)}`;
  return theirs > 0 ? `**${(ours / theirs).toFixed(2)}×** (${both})` : `– (${both})`;
}

function headline(data, fig) {
  const lines = [
    `| ours ÷ … | ${OTHERS.map((v) => VARIANTS[v].label).join(' | ')} |`,
    `| --- | ${OTHERS.map(() => '---:').join(' | ')} |`,
  ];
  const add = (name, f, unit) =>
    lines.push(`| ${name} | ${OTHERS.map((v) => ratio(f('ours'), f(v), unit)).join(' | ')} |`);
  add('weight before interaction, gzip', (v) => data.weights[v].gzip, kb);
  add('start to ready, full speed', (v) => fig.start[v][1].ready.median, ms);
  add('start to ready, CPU 4× slower', (v) => fig.start[v][4].ready.median, ms);
  add('start to the whole form (Submit shown), CPU 4× slower', (v) => fig.start[v][4].whole.median, ms);
  add('total blocking time during start, CPU 4× slower', (v) => fig.start[v][4].blocking.median, ms);
  add('JS heap after render', (v) => fig.start[v][1].heap.median, mb);
  add('keystroke to error', (v) => fig.interact[v]?.error.median, ms);
  add('first empty Submit to error summary', (v) => fig.interact[v]?.summary.median, ms);
  return lines;
}

/** Issue 11's targets, each met or missed, with the figure that decides. */
function targets(data, fig) {
  const entry = data.weights.ours.files.find((f) => f.url.endsWith('/refund-exchange-form.js'));
  const onlyEntry = data.weights.ours.files.every((f) => f.url.endsWith('.html') || f === entry);
  const startRatio = fig.start.ours[4].ready.median / fig.start.lit[4].ready.median;
  const scores = Object.entries(fig.lighthouse.scores);
  const paste = data.paste.find((s) => s.kind === 'form' && s.rate === 1);
  const longStarts = (variant) => data.runs.filter((r) => r.case === 'start' && r.variant === variant && r.rate === 1 && r.longTasks > 0).length;
  const longest = fig.start.ours[1].longest;
  const list = [
    [entry.gzip <= 16 * 1024 && onlyEntry, `entry before interaction ${kb(entry.gzip)} gzip (at most 16 KB), nothing else loaded: ${onlyEntry ? 'yes' : 'no'}`],
    [startRatio <= 1.2, `start to ready at 4× CPU ${startRatio.toFixed(2)}× bare Lit's (at most 1.2×)`],
    // Judged on medians, as every figure of the issue is: on these 2-core machines a start now
    // and then has a task stretched past 50 ms by the machine, plain HTML's (no script) too.
    [
      longest.median <= 50,
      `long tasks during start at full speed: the longest task, median of ${longest.n} starts, ${ms(longest.median)} (none over 50 ms); a task over 50 ms at all in ${longStarts('ours')} of ${longest.n} starts, plain HTML's (no script) in ${longStarts('plain')}`,
    ],
    [
      scores.every(([, s]) => s.median === 100),
      `Lighthouse on the demo's US page, median of ${data.reps}: ${scores.map(([c, s]) => `${c} ${s.median}`).join(', ')} (all 100; lowest ${scores.map(([c, s]) => `${c} ${s.min}`).join(', ')})`,
    ],
    [fig.lighthouse.metrics.cls?.max === 0, `layout shift on the demo's US page (Lighthouse CLS), highest: ${fig.lighthouse.metrics.cls?.max} (0)`],
    [fig.photos.longest.median <= 50, `12 MP photo: longest main-thread task ${range(fig.photos.longest)} (at most 50 ms)`],
    [
      fig.photosOnPage.longest.median <= 50,
      `the same photo where the page allows no worker, in slices on the main thread: longest task ${range(fig.photosOnPage.longest)} (each slice under 50 ms)`,
    ],
    [fig.photos.ms.max <= 1500, `12 MP photo: ${range(fig.photos.ms)} until listed (within 1.5 s)`],
    [fig.photos.sentRatio.max <= 0.25, `12 MP photo: ${range(fig.photos.sentRatio, percent)} of its bytes sent (at most 25 %)`],
    [fig.interact.ours.error.median < fig.interact.shoelace.error.median, `keystroke to error ${ms(fig.interact.ours.error.median)}, Shoelace + zod ${ms(fig.interact.shoelace.error.median)} (ahead)`],
    [paste.keystrokeOwn.median < FRAME, `after a 1 MB paste, the form's own work per keystroke ${range(paste.keystrokeOwn)} (under one frame, ${ms(FRAME)})`],
  ];
  return list.map(([met, text]) => `- ${met ? 'met' : '**MISSED**'}: ${text}`);
}

export function report(data) {
  const fig = figures(data);
  const env = data.environment;
  const ratios = headline(data, fig);
  const goals = targets(data, fig);
  const lines = [
    `# Benchmark: the same form ${Object.keys(VARIANTS).length} ways`,
    '',
    `${env.date}; ${env.commit}; ${env.chromium}, headless; ${env.cpu}, ${env.cores} cores (load average ${env.load}` +
      ` when it started); Node ${env.node}; ${data.reps} repetitions of every case, interleaved, each in a fresh browser` +
      ` context; ${env.seconds} s. Reproduce with \`npm run bench\`.`,
    '',
    'Medians; in brackets min–max. Ready: from navigation until the end of the first frame that shows the email' +
      ' field, so a customer could focus it; whole form: the same for the Submit button (ours shows its fields after' +
      ' the product a frame after the first ones). Long tasks (over 50 ms) and total blocking time: from navigation' +
      ' until 0.5 s (2 s at 4×) after the whole form. The Shoelace and Material alternatives build their rules (zod)' +
      ' and load all their words at start, where ours waits for the first touch: part of what their figures measure. Keystroke and Submit: from the key or pointer event until the end of the first frame that' +
      " shows the result. The alternatives are under `bench/alternatives/`, built by esbuild, served like ours (brotli," +
      ' same server); plain HTML and bare Lit have no logic, so no keystroke or Submit figures.',
    '',
    '## Ours ÷ each',
    '',
    ...ratios,
    '',
    '## Targets',
    '',
    ...goals,
    '',
    '## Weight before interaction',
    '',
    '| | files | raw | gzip | brotli |',
    '| --- | --- | ---: | ---: | ---: |',
    ...Object.entries(data.weights).map(
      ([v, w]) => `| ${VARIANTS[v].label} | ${w.files.map((f) => `\`${f.url}\``).join(', ')} | ${kb(w.raw)} | ${kb(w.gzip)} | ${kb(w.brotli)} |`,
    ),
    '',
    '### Our lazy chunks',
    '',
    '| chunk | holds | gzip | brotli | loads on |',
    '| --- | --- | ---: | ---: | --- |',
    ...data.chunks.map(
      (c) => `| \`${c.name}\` | ${[...c.modules, ...c.libraries].join(', ')} | ${kb(c.gzip)} | ${kb(c.brotli)} | ${c.when} |`,
    ),
    '',
    '## Start',
    '',
    '| | ready | whole form | first contentful paint | longest task | total blocking time | JS heap after render |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const rate of RATES) {
    for (const [v, { label }] of Object.entries(VARIANTS)) {
      const s = fig.start[v][rate];
      lines.push(
        `| ${label}, ${rate === 1 ? 'full speed' : `CPU ${rate}× slower`} | ${range(s.ready)} | ${range(s.whole)} | ${range(s.fcp)} | ${range(s.longest)} | ${range(s.blocking)} | ${s.heap ? range(s.heap, mb) : '–'} |`,
      );
    }
  }
  lines.push(
    '',
    '## Keystrokes and Submit',
    '',
    'On a fresh page: Submit on the empty form (the first press: ours loads its rules then), then in the email field,' +
      ' now touched, `name@example.co` and five times `,` (error shows) and Backspace (error goes); per repetition the' +
      ' median of the five.',
    '',
    '| | keystroke to error | keystroke to error gone | first empty Submit to summary |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(fig.interact).map(
      ([v, s]) => `| ${VARIANTS[v].label} | ${range(s.error)} | ${range(s.cleared)} | ${range(s.summary)} |`,
    ),
    '',
    '## Ours alone: photos, captcha',
    '',
    ...SPREAD_HEAD,
    row('12 MP phone photo (3.3 MB JPEG): change of the file input until listed', fig.photos.ms),
    row('… its longest main-thread task, until listed and its thumbnail painted', fig.photos.longest),
    row('… bytes sent ÷ bytes picked', fig.photos.sentRatio, percent),
    row('JS heap after 3 such photos', fig.photos.heap, mb),
    row("the same photo on a page whose CSP allows no workers: until listed", fig.photosOnPage.ms),
    row('… its longest main-thread task', fig.photosOnPage.longest),
    row('captcha: first focus until solved (demo difficulty)', fig.captcha),
    '',
    "## Lighthouse on the demo's US page",
    '',
    `Lighthouse ${data.runs.find((r) => r.case === 'lighthouse')?.version} (npm), default mobile settings (simulated slow 4G, 4× CPU), in the same Chromium, offline.`,
    '',
    ...SPREAD_HEAD,
    ...Object.entries(fig.lighthouse.scores).map(([c, s]) => row(c, s, String)),
    ...Object.entries(fig.lighthouse.metrics).map(([m, s]) => row(m.toUpperCase(), s, m === 'cls' ? plain : ms)),
    '',
    `Audits below full marks in any run (none of them lowers a score below 100 unless a score above says so): ${fig.lighthouse.failing.join(', ') || 'none'}.`,
    '',
    pasteSection(data.paste),
  );
  return {
    markdown: lines.join('\n'),
    headline: [...ratios, '', `From the run of ${env.date}, ${env.commit}.`].join('\n'),
    summary: ['Targets:', ...goals].join('\n'),
  };
}
