// Static files for the demo: only from the given folder, only known file types, never
// outside it (no `..`, encoded or not, no dotfiles, no symlinks leading out).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const contentType = (file) => TYPES[extname(file).toLowerCase()];

/**
 * The file `urlPath` (the part of the URL path after the folder's prefix, still
 * percent-encoded) names inside `root`, or undefined when it names nothing servable.
 */
export async function resolveFile(root, urlPath) {
  const segments = urlPath.split('/');
  const names = [];
  for (const segment of segments) {
    let name;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    // Empty, dot and dotfile segments, and separators smuggled in encoded, name nothing here.
    if (!name || name.startsWith('.') || /[/\\\0]/.test(name)) return undefined;
    names.push(name);
  }
  const file = join(root, ...names);
  if (!contentType(file)) return undefined;
  try {
    const [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    if (!real.startsWith(realRoot + sep) || !(await stat(real)).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

/** Sends a file resolved by `resolveFile`, headers only for HEAD. */
export async function sendFile(req, res, file) {
  const { size } = await stat(file);
  res.writeHead(200, { 'Content-Type': contentType(file), 'Content-Length': size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}
