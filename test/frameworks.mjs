/**
 * Host pages in the frameworks sites are built with, for test/frameworks.test.ts: each app in
 * test/frameworks/ bundled on request by esbuild against the built package (lib/, through its
 * `exports`, as an integrator's bundler resolves it), and the script-tag build in plain HTML.
 *
 *   GET /frameworks/<app>.html?endpoint=<url>   a page that runs <app>: react18 (through the
 *       @lit/react wrapper, React 18 from test/frameworks/react18's own node_modules), react19,
 *       preact, vue, svelte (no wrappers), or plain (dist/ and a few lines of script)
 *   GET /frameworks/<app>.js                    that app's bundle
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const react18 = `${root}test/frameworks/react18/node_modules/`;

/** Svelte components compiled for the browser, as its bundler plugins do. */
const svelte = {
  name: 'svelte',
  setup(build) {
    build.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const { compile } = await import('svelte/compiler');
      const { js } = compile(await readFile(path, 'utf8'), { filename: path, generate: 'client' });
      return { contents: js.code, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/** The package by its name, resolved from its root as a host's bundler does (the React 18 host is a package of its own). */
const self = {
  name: 'refund-exchange-form',
  setup(build) {
    build.onResolve({ filter: /^refund-exchange-form(\/|$)/ }, ({ path, kind, pluginData }) =>
      pluginData === self ? undefined : build.resolve(path, { kind, resolveDir: root, pluginData: self }),
    );
  },
};

const APPS = {
  // The wrapper's own `react` import must meet React 18 too: one React per page.
  react18: { entry: 'react18/app.tsx', alias: { react: `${react18}react`, 'react-dom': `${react18}react-dom` } },
  react19: { entry: 'react19.tsx' },
  preact: { entry: 'preact.tsx' },
  // The build that compiles templates in the browser, as an in-page template needs.
  vue: { entry: 'vue.ts', alias: { vue: 'vue/dist/vue.esm-bundler.js' } },
  svelte: { entry: 'svelte/main.ts', plugins: [svelte] },
};

async function bundle({ entry, alias = {}, plugins = [] }) {
  const result = await build({
    entryPoints: [`${root}test/frameworks/${entry}`],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['production'],
    alias,
    plugins: [self, ...plugins],
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (app, endpoint) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${app} host</title>
${
  app === 'plain'
    ? `<script type="module" src="/dist/refund-exchange-form.js"></script>
<script type="module">
  const events = [];
  const form = document.querySelector('refund-exchange-form');
  form.prefill = { marketplace: 'amazon.com', email: 'jane@example.com', name: 'Jane Doe', orderId: '123-1234567-1234567', resolution: 'refund', reason: 'defective' };
  for (const type of ['refund-exchange-submit', 'refund-exchange-success', 'refund-exchange-error']) {
    form.addEventListener(type, (event) => events.push({ type, detail: event.detail }));
  }
  window.host = { events, framework: 'HTML' };
</script>`
    : `<script type="module" src="/frameworks/${app}.js"></script>`
}
</head>
<body>
<div id="app">${
  app === 'plain'
    ? `<refund-exchange-form endpoint="${escape(endpoint)}" lang="en-US" draft="off" max-images="2" hide-policies></refund-exchange-form>`
    : ''
}</div>
</body>
</html>
`;

export function frameworks() {
  const bundles = new Map();
  return async (ctx, next) => {
    const match = /^\/frameworks\/(\w+)\.(html|js)$/.exec(ctx.path);
    const app = match?.[1];
    if (!match || !(app in APPS || (app === 'plain' && match[2] === 'html'))) return next();
    ctx.set('Cache-Control', 'no-store');
    if (match[2] === 'html') {
      ctx.type = 'html';
      ctx.body = page(app, ctx.query.endpoint ?? '');
      return;
    }
    if (!bundles.has(app)) bundles.set(app, bundle(APPS[app]));
    try {
      ctx.body = await bundles.get(app);
      ctx.type = 'js';
    } catch (error) {
      bundles.delete(app);
      console.error(`frameworks: cannot bundle ${app}:`, error.message);
      ctx.status = 500;
      ctx.body = String(error.message);
    }
  };
}
