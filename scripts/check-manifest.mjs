// Fails when the committed custom-elements.json no longer matches what the source says.
import { execSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

// The analyzer resolves --outdir against the working directory.
const out = 'node_modules/.cache/cem-check';
rmSync(out, { recursive: true, force: true });
execSync(`npx cem analyze --quiet --outdir ${out}`, { stdio: 'inherit' });
const fresh = readFileSync(`${out}/custom-elements.json`, 'utf8');
if (fresh !== readFileSync('custom-elements.json', 'utf8')) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
