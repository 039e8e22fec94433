/**
 * Pages for browser tests that need a document of their own: one to reload, or one served
 * under a Content-Security-Policy. Tests load them in a same-origin iframe.
 *
 *   GET /pages/form.html?forms=[{attributes}, …]&csp=<preset>
 *     one <refund-exchange-form> per entry of `forms` (JSON), with those attributes;
 *     `csp` one of the presets below (none by default). The element comes from src/ through
 *     the test server's own transform; test/pages/page.js runs first (see there).
 */
const STRICT = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  'worker-src blob:',
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "base-uri 'none'",
];
const TRUSTED_TYPES = "require-trusted-types-for 'script'";

export const CSP_PRESETS = {
  strict: STRICT,
  // The README's policy for a page that enforces Trusted Types.
  'trusted-types': [...STRICT, TRUSTED_TYPES, 'trusted-types lit-html refund-exchange-form'],
  // A page that enforces Trusted Types but does not allow the widget's policy.
  'trusted-types-without-policy': [...STRICT, TRUSTED_TYPES, 'trusted-types lit-html'],
  // A page that allows no workers: photos are prepared on the main thread.
  'no-workers': STRICT.map((directive) => (directive.startsWith('worker-src') ? "worker-src 'none'" : directive)),
};

const escape = (value) =>
  String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pages() {
  return async (ctx, next) => {
    if (ctx.path !== '/pages/form.html') return next();
    const forms = JSON.parse(ctx.query.forms ?? '[{}]');
    const csp = CSP_PRESETS[ctx.query.csp];
    if (ctx.query.csp && !csp) ctx.throw(400, `unknown csp preset ${ctx.query.csp}`);
    const elements = forms
      .map((attributes) => {
        const list = Object.entries(attributes).map(([name, value]) => ` ${escape(name)}="${escape(value)}"`);
        return `<refund-exchange-form${list.join('')}></refund-exchange-form>`;
      })
      .join('\n');
    ctx.set('Cache-Control', 'no-store');
    if (csp) ctx.set('Content-Security-Policy', csp.join('; '));
    ctx.type = 'html';
    ctx.body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>test page</title>
<script type="module" src="/test/pages/page.js"></script>
<script type="module" src="/src/define.ts"></script>
</head>
<body>
${elements}
</body>
</html>
`;
  };
}
