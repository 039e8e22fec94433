// Builds the benchmark's alternatives (bench/alternatives/) into bench/out/: the same form as
// plain HTML, as a bare Lit element with our markup and styles, and with Shoelace 2.20 or
// Material Web 2.5 plus our rules (zod/mini). Each script is one esbuild bundle, minified, for
// production (Lit's dev mode off), with the html`` and css`` templates of every module minified
// as our own build does (rollup.config.mjs); each page loads its own bundle and nothing else.
// Bench only.
//
//   node bench/build.mjs     builds, then prints each page's size, raw and gzip
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
import { minifyHTMLLiterals } from 'minify-literals';
import { packed } from './weight.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'bench', 'alternatives');
export const OUT = join(root, 'bench', 'out');

/** The pages, each with the script it loads (none for plain HTML). */
const PAGES = {
  plain: undefined,
  lit: 'lit.ts',
  shoelace: 'shoelace.ts',
  material: 'material.ts',
};

/** `import text from './x.css'`: the stylesheet minified, as a string (Shoelace's theme). */
const cssText = {
  name: 'css-text',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true, legalComments: 'none' });
      return { contents: code, loader: 'text' };
    });
  },
};

/**
 * Whitespace in html`` and css`` templates minified in every module, ours and the libraries', as
 * rollup-plugin-minify-template-literals does for our dist/ (same package underneath).
 */
const templateLiterals = {
  name: 'template-literals',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path }) => {
      const code = await readFile(path, 'utf8');
      const loader = /\.[cm]?ts$/.test(path) ? 'ts' : 'js';
      if (!/(html|css|svg)`/.test(code)) return { contents: code, loader };
      const minified = await minifyHTMLLiterals(code, { fileName: path });
      return { contents: minified?.code ?? code, loader };
    });
  },
};

/**
 * Builds every page into bench/out/ (emptied first). Returns, per page, its HTML file and every
 * file it loads (the HTML first), as names inside `OUT`:
 * `{ plain: { html: 'plain.html', files: ['plain.html'] }, lit: { html: 'lit.html', files: ['lit.html', 'lit.js'] }, … }`.
 */
export async function buildAlternatives() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const scripts = Object.entries(PAGES).filter(([, entry]) => entry);
  // minify-literals says so for each module that mentions unsafeHTML or unsafeCSS (Lit's own);
  // it minifies the rest of them, as in our build.
  const warn = console.warn;
  console.warn = (...args) => void (String(args[0]).startsWith('minify-literals:') || warn(...args));
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(scripts.map(([name, entry]) => [name, join(source, entry)])),
    outdir: OUT,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    conditions: ['production'],
    legalComments: 'none',
    charset: 'utf8',
    plugins: [cssText, templateLiterals],
    logLevel: 'warning',
  }).finally(() => (console.warn = warn));
  const pages = {};
  for (const [name, entry] of Object.entries(PAGES)) {
    await copyFile(join(source, `${name}.html`), join(OUT, `${name}.html`));
    pages[name] = { files: [`${name}.html`, ...(entry ? [`${name}.js`] : [])] };
  }
  return pages;
}

/** Bytes of each file of each page, raw, gzip and brotli (weight.mjs). */
export async function sizes(pages) {
  const result = {};
  for (const [name, { files }] of Object.entries(pages)) {
    result[name] = await Promise.all(
      files.map(async (file) => {
        const bytes = await readFile(join(OUT, file));
        return { file, ...packed(bytes) };
      }),
    );
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pages = await buildAlternatives();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  for (const [name, files] of Object.entries(await sizes(pages))) {
    const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
    console.log(`${name.padEnd(9)} ${kb(total.raw)} raw ${kb(total.gzip)} gzip   (${files.map((f) => `${f.file} ${f.raw} / ${f.gzip} B`).join(', ')})`);
  }
}
