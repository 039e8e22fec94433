// Bytes over the wire, gzip (level 9) and brotli (quality 11): of what a page loaded before
// any interaction, and of each of our lazy chunks with what it holds and when it loads.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compress } from '../demo/server/static.mjs';

const chunks = fileURLToPath(new URL('../dist/chunks/', import.meta.url));

/** Sizes as the demo's server sends a file made once: gzip level 9, brotli quality 11. */
export const packed = (bytes) => ({
  raw: bytes.length,
  gzip: compress(bytes, 'gzip', true).length,
  brotli: compress(bytes, 'br', true).length,
});

/** The sum over `urls`, fetched as they are (not compressed) from the benchmark's server. */
export async function weigh(urls) {
  const files = [];
  for (const url of urls) {
    const response = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    files.push({ url: new URL(url).pathname, ...packed(Buffer.from(await response.arrayBuffer())) });
  }
  const sum = (key) => files.reduce((total, f) => total + f[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/** When the form loads a chunk, by the module it holds (lib/…, as the source maps name them). */
const WHEN = [
  [/^schema$/, 'first focus or press in the form (the rules)'],
  [/^channels$/, 'at start for a form with channels, else with the rules (first focus or press)'],
  [/^submission\/endpoint-problem/, 'a page whose endpoint the form refuses (the console\'s words for why)'],
  [/^submission\//, 'first focus or press in the form'],
  [/^drafts\/controller/, 'first focus or change, or at start when this page holds a draft'],
  [/^drafts\/photo-store/, 'a draft with photos is saved or restored'],
  [/^captcha\/field/, 'at start, for a form with a site key (the captcha\'s box and messages)'],
  [/^captcha\//, 'first focus or touch, when a site key is set (the captcha and its solver)'],
  [/^photos\/prepare/, 'the first photo picked'],
  [/^photos\/list/, 'the first photo picked, or a draft\'s photos brought back (the list and its thumbnails)'],
  [/^form\/prefill-values/, 'a prefill, or a link that prefills'],
  [/^form\/snapshot/, 'with the draft code or a prefill (taking values into the form)'],
  [/^trusted-workers$/, 'the first photo picked, or the captcha started (the one policy for their workers)'],
  [/^i18n\/en$/, "first touch of an English form (English's messages)"],
  [/^i18n\//, 'at start, for a form in that language'],
];

/** Each lazy chunk of dist/: its size, the project's modules in it, and when it loads. */
export async function lazyChunks() {
  const names = (await readdir(chunks)).filter((name) => name.endsWith('.js')).sort();
  return Promise.all(
    names.map(async (name) => {
      const map = JSON.parse(await readFile(join(chunks, `${name}.map`), 'utf8'));
      const modules = map.sources.filter((s) => s.includes('/lib/')).map((s) => s.replace(/^.*\/lib\//, '').replace(/\.js$/, ''));
      const libraries = [...new Set(map.sources.filter((s) => s.includes('node_modules/')).map((s) => s.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')))];
      const when = WHEN.find(([pattern]) => modules.some((m) => pattern.test(m)))?.[1] ?? 'unknown';
      return { name, modules, libraries, when, ...packed(await readFile(join(chunks, name))) };
    }),
  );
}
