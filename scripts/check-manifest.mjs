// Fails when the committed custom-elements.json no longer matches what the source says.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'cem-'));
const analyze = JSON.parse(readFileSync('package.json', 'utf8')).scripts.analyze;
execFileSync('sh', ['-c', `npx ${analyze.replace(/^cem /, 'cem ')} --outdir ${out}`], { stdio: 'inherit' });
const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
if (fresh !== readFileSync('custom-elements.json', 'utf8')) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
