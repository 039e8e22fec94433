// Lints the package as npm would publish it, from the files already built: publint (warnings
// are errors) and arethetypeswrong (the esm-only profile: the package has no CommonJS entry, so
// `require` from node16 CommonJS and node10 resolution are not checked). Packs once, without
// prepack's build, into a temporary folder it removes again. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Every file package.json points at must be there: a pack of an unbuilt tree would lint clean
// for the wrong reasons, or fail with less helpful messages.
const targets = (value) =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : [];
const missing = [pkg.main, pkg.types, pkg.customElements, pkg['web-types'], ...targets(pkg.exports)]
  .filter(Boolean)
  .map((target) => target.replace(/^\.\//, ''))
  .filter((target) => (target.includes('*') ? !existsSync(join(root, target.slice(0, target.indexOf('*')))) : !existsSync(join(root, target))));
if (missing.length) {
  console.error(`Not built: ${[...new Set(missing)].join(', ')}. Run npm run build first.`);
  process.exit(1);
}

const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const dir = mkdtempSync(join(tmpdir(), 'refund-exchange-form-pack-'));
try {
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const [tarball] = readdirSync(dir).filter((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  const run = (name, args) =>
    execFileSync(bin(name), args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  run('publint', ['run', join(dir, tarball), '--strict']);
  run('attw', [join(dir, tarball), '--profile', 'esm-only']);
} catch (error) {
  // The tools have printed their findings; a stack trace would only bury them.
  if (error.status === undefined) console.error(error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
