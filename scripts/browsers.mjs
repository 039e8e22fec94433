// Finds Chromium and Firefox for the browser tests. Where one is missing and this is a Debian
// machine run as root, installs Debian's packages; otherwise says exactly what to install.
// Nothing here downloads a browser build of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = [
  { env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', pkg: 'chromium' },
  { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];
const missing = wanted.filter((b) => !existsSync(process.env[b.env] ?? b.path));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((b) => b.pkg);
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canInstall) {
  console.error(
    `Browser tests need ${pkgs.join(' and ')}. Install them with:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}\n` +
      `or point ${missing.map((b) => b.env).join(' / ')} at an existing binary.`,
  );
  process.exit(1);
}
console.log(`Installing Debian's ${pkgs.join(' and ')} for the browser tests…`);
const run = (args) =>
  execFileSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
run(['update', '-qq']);
run(['install', '-y', '-qq', ...pkgs]);
