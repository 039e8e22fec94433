// Prints gzip and brotli sizes of every built file and fails when the script-tag entry (what
// loads before a customer interacts) or a locale chunk is over its budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const ENTRY = 'refund-exchange-form.js';
const DICTIONARY = /\/lib\/i18n\/(en|en-GB|en-CA|fr|fr-CA|de|es|it|ja)\.js$/;
const dist = new URL('../dist/', import.meta.url).pathname;
/**
 * The project's modules a built file holds, by its source map (chunks are named by their hash
 * alone): `form/validation`, `i18n/fr`, ….
 */
const modulesOf = (name) =>
  JSON.parse(readFileSync(join(dist, `${name}.map`), 'utf8'))
    .sources.filter((source) => source.includes('/lib/'))
    .map((source) => source.replace(/^.*\/lib\/|\.js$/g, ''));
/** Whether a built file is a language's dictionary, which has a budget of its own. */
const isLocale = (name) => {
  const modules = modulesOf(name);
  return name !== ENTRY && modules.length > 0 && modules.every((m) => m.startsWith('i18n/')) && modules.some((m) => DICTIONARY.test(`/lib/${m}.js`));
};
/**
 * The entry loads before a customer interacts: issue 11's 16 KB. The way there: English's
 * messages in a chunk of their own (20.97 -> 19.50 KB), the submission controller with the
 * sending code (18.67 KB), the draft code with a draft or the first touch (17.99 KB), the
 * request's check with the rules and the channels' check with channels (18.08 KB, the words said
 * offline being back), the styles and template of what only the rules show (18.01 KB), lib/ with
 * Lit's decorators made static properties (17.62 KB), the captcha's field, the photo list, the
 * draft notice, taking a draft or prefill back, the Reset question, the prefill controller and
 * Japanese's font stack each with what shows them (16.42 KB), chunks named by a short hash alone
 * (16.32 KB), each dictionary's own number tables, and which problems show worked out by the rules
 * (16.00 KB). Each locale is a chunk of its own, English's messages too.
 */
const budget = (name) => (name === ENTRY ? 16 * 1024 : isLocale(name) ? 3.5 * 1024 : undefined);
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
/** Gzip size of a locale chunk plus the other locale chunks it imports statically. */
const localeCost = (file) => {
  const code = readFileSync(file, 'utf8');
  const imported = [...code.matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)]
    .map((m) => join(dist, 'chunks', m[1]))
    .filter((f) => isLocale(relative(dist, f)));
  return gzipSync(Buffer.concat([file, ...imported].map((f) => readFileSync(f))), { level: 9 }).length;
};
/** The files over their budget. */
const failed = [];
for (const file of files(dist).sort()) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const name = relative(dist, file);
  const limit = budget(name);
  // A locale built on another (fr-CA on fr) costs both when it loads.
  const measured = isLocale(name) ? localeCost(file) : gzip;
  const over = limit !== undefined && measured > limit;
  if (over) failed.push({ name, measured, limit });
  console.log(
    `${name.padEnd(40)} ${kb(bytes.length).padStart(10)} raw ${kb(gzip).padStart(10)} gzip ${kb(brotli).padStart(10)} brotli` +
      (limit ? `  budget ${kb(limit)} gzip${measured !== gzip ? ` (with its base: ${kb(measured)})` : ''}: ${over ? 'OVER' : 'ok'}` : '') +
      (name === ENTRY ? '' : `  ${modulesOf(name).join(' ')}`),
  );
}
// For comparison: what the entry would weigh with every locale bundled into it.
const all = files(dist).filter((f) => relative(dist, f) === ENTRY || isLocale(relative(dist, f)));
if (all.length > 1) {
  const bundled = gzipSync(Buffer.concat(all.map((f) => readFileSync(f))), { level: 9 }).length;
  console.log(`${'(entry with all locales bundled, estimate)'.padEnd(40)} ${kb(bundled).padStart(26)} gzip`);
}
if (failed.length) {
  for (const { name, measured, limit } of failed) {
    console.error(`${name} grew ${kb(measured - limit)} over its budget: ${kb(measured)} gzip, budget ${kb(limit)}.`);
  }
  process.exit(1);
}
