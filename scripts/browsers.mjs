// Finds the three engines for the browser tests: Chromium, Firefox and WebKit (WebKitGTK's
// MiniBrowser with its WebDriver, under Xvfb). Where one is missing and this is a Debian
// machine run as root, installs Debian's packages; otherwise says exactly what to install.
// Nothing here downloads a browser build of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ENGINES } from './engines.mjs';
import { MINIBROWSER, WEBKIT_DRIVER, XVFB } from './webkit.mjs';

const wanted = [
  { engine: 'chromium', env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', pkg: 'chromium' },
  { engine: 'firefox', env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  { engine: 'webkit', env: 'WEBKIT_DRIVER_PATH', path: WEBKIT_DRIVER, pkg: 'webkit2gtk-driver' },
  // The driver's package brings MiniBrowser along.
  { engine: 'webkit', env: 'MINIBROWSER_PATH', path: MINIBROWSER, pkg: 'webkit2gtk-driver' },
  { engine: 'webkit', env: 'XVFB_PATH', path: XVFB, pkg: 'xvfb' },
];
const missing = wanted.filter((b) => ENGINES.includes(b.engine) && !existsSync(process.env[b.env] ?? b.path));
if (missing.length === 0) process.exit(0);

const pkgs = [...new Set(missing.map((b) => b.pkg))];
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canInstall) {
  console.error(
    `Browser tests need ${pkgs.join(', ')}. Install them with:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}\n` +
      `or point ${missing.map((b) => b.env).join(' / ')} at an existing binary, ` +
      'or leave an engine out with BROWSERS (e.g. BROWSERS=chromium,firefox).',
  );
  process.exit(1);
}
console.log(`Installing Debian's ${pkgs.join(', ')} for the browser tests…`);
const run = (args) =>
  execFileSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
run(['update', '-qq']);
run(['install', '-y', '-qq', ...pkgs]);
