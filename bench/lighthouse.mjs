// Lighthouse (the npm package) on a page of the demo, in the benchmark's own Debian Chromium,
// with its default mobile settings (a mid-range phone, simulated slow 4G and 4x slower CPU).
// Offline: the page, its script and its puzzles come from the loopback server.
import lighthouse from 'lighthouse';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

/** Scores (0 to 100) and metrics (ms; CLS unitless) of one run, or throws with Lighthouse's reason. */
export async function audit(browser, url) {
  const port = Number(new URL(browser.wsEndpoint()).port);
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  const { lhr } = result ?? {};
  if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr?.runtimeError?.message ?? 'no result'}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id]?.numericValue]));
  // What kept a score below 100, to act on.
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => a.id);
  return { version: lhr.lighthouseVersion, scores, metrics, failing };
}
