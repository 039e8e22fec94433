// Static files for the demo: only from the given folder, only known file types, never
// outside it (no `..`, encoded or not, no dotfiles, no symlinks leading out).
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

/** Text compresses; images and fonts already are. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/** The encoding to answer `req` with: brotli where the browser takes it, else gzip, else none. */
export function encodingFor(req) {
  const taken = new Set();
  for (const part of String(req.headers['accept-encoding'] ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    // `br;q=0` refuses brotli.
    if (!params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) taken.add(name.trim());
  }
  return taken.has('br') ? 'br' : taken.has('gzip') ? 'gzip' : undefined;
}

/** `body` compressed as `encoding`: brotli at its best for files made once, a faster level for pages. */
export function compress(body, encoding, best = false) {
  if (encoding === 'gzip') return gzipSync(body, { level: 9 });
  return brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

/** Compressed files, made once per version of the file (its size and modification time). */
const packed = new Map();

async function packedFile(file, version, encoding) {
  const key = `${file}\0${encoding}`;
  const hit = packed.get(key);
  if (hit?.version === version) return hit.body;
  const body = compress(await readFile(file), encoding, true);
  packed.set(key, { version, body });
  return body;
}

/**
 * Sends a file resolved by `resolveFile`, headers only for HEAD: compressed where the browser
 * takes it, with an ETag that answers a revalidation with 304, and `cache` as its Cache-Control.
 */
export async function sendFile(req, res, file, cache) {
  const { size, mtimeMs } = await stat(file);
  const type = contentType(file);
  const encoding = COMPRESSIBLE.test(type) ? encodingFor(req) : undefined;
  const version = `${size.toString(36)}-${Math.trunc(mtimeMs).toString(36)}`;
  const headers = {
    'Content-Type': type,
    ETag: `"${version}${encoding ? `-${encoding}` : ''}"`,
    // Added to what is there: /dist/ answers vary by Origin too (CORS), and a cached copy
    // made for one origin must not serve another.
    Vary: [res.getHeader('Vary'), 'Accept-Encoding'].filter(Boolean).join(', '),
    ...(cache ? { 'Cache-Control': cache } : {}),
  };
  if (req.headers['if-none-match'] === headers.ETag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (!encoding) {
    res.writeHead(200, { ...headers, 'Content-Length': size });
    if (req.method === 'HEAD') res.end();
    else await pipeline(createReadStream(file), res);
    return;
  }
  const body = await packedFile(file, version, encoding);
  res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}
