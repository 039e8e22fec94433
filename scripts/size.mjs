// Prints gzip and brotli sizes of every built file and fails when the script-tag entry,
// which loads before a customer interacts, is over its budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const BUDGETS = { 'refund-exchange-form.js': 22 * 1024 };
const dist = new URL('../dist/', import.meta.url).pathname;
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
let failed = false;
for (const file of files(dist).sort()) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const name = relative(dist, file);
  const budget = BUDGETS[name];
  const over = budget !== undefined && gzip > budget;
  failed ||= over;
  console.log(
    `${name.padEnd(40)} ${kb(bytes.length).padStart(10)} raw ${kb(gzip).padStart(10)} gzip ${kb(brotli).padStart(10)} brotli` +
      (budget ? `  budget ${kb(budget)} gzip: ${over ? 'OVER' : 'ok'}` : ''),
  );
}
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
