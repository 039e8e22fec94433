// The inbox page: every stored request, newest first. Everything in it came from a customer
// or from a file on disk, so every value is escaped; none of it ever becomes markup.
import { en } from '../../lib/i18n/en.js';
import { isMarketplaceId, marketplaceName } from '../../lib/marketplaces.js';
import { REASONS, RESOLUTIONS } from '../../lib/schema.js';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);

const label = (known, value) => (known.includes(value) ? en[value] : value);

/** How each stored field reads in the inbox, in the form's order. */
const FIELDS = [
  ['marketplace', en.marketplace, (v) => (isMarketplaceId(v) ? marketplaceName(v) : v)],
  ['email', en.email],
  ['name', en.name],
  ['orderId', en.orderId],
  ['productName', en.productName],
  ['resolution', en.resolution, (v) => label(RESOLUTIONS, v)],
  ['reason', en.reason, (v) => label(REASONS, v)],
  ['serialNumber', en.serialNumber],
  ['details', en.details],
  ['locale', 'Locale'],
  ['captcha', en.captcha, () => 'solved'],
];

const IMAGE_TYPE = /^image\/(jpeg|png|webp)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function field([key, name, show = (v) => v], request) {
  const value = request[key];
  if (value === undefined || value === null || value === '') return '';
  const cls = key === 'details' ? ' class="details"' : '';
  return `<div><dt>${escapeHtml(name)}</dt><dd${cls}>${escapeHtml(show(value))}</dd></div>`;
}

function photo(image) {
  const { name = '', type, width, height, data } = image ?? {};
  const kb = typeof data === 'string' ? Math.round((data.length * 3) / 4 / 1024) : 0;
  const caption = `<figcaption>${escapeHtml(name)}<br>${escapeHtml(`${width} × ${height} · ${kb} KB`)}</figcaption>`;
  // Only a checked type and base64 text go into the data: URL, so it can only be a picture.
  const picture =
    IMAGE_TYPE.test(type) && typeof data === 'string' && BASE64.test(data)
      ? `<img src="data:${type};base64,${data}" alt="${escapeHtml(name)}" width="${Number(width) || ''}" height="${Number(height) || ''}" loading="lazy">`
      : '';
  return `<li><figure>${picture}${caption}</figure></li>`;
}

function article({ reference, receivedAt, idempotencyKey, request = {} }) {
  const received = new Date(receivedAt);
  const when = Number.isNaN(received.getTime())
    ? escapeHtml(receivedAt)
    : `<time datetime="${escapeHtml(received.toISOString())}">${received.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>`;
  const images = Array.isArray(request.images) ? request.images : [];
  return `<article class="request">
  <h2>${escapeHtml(reference)}</h2>
  <p class="meta">Received ${when}${idempotencyKey ? ` · key <code>${escapeHtml(idempotencyKey)}</code>` : ''}</p>
  <dl class="fields">${FIELDS.map((f) => field(f, request)).join('')}</dl>
  ${images.length ? `<h3>${escapeHtml(en.images)} (${images.length})</h3><ul class="photos">${images.map(photo).join('')}</ul>` : ''}
</article>`;
}

/** The whole inbox page for the given entries (already newest first). */
export function renderInbox(entries) {
  const count = entries.length === 1 ? '1 request' : `${entries.length} requests`;
  const body = entries.length
    ? `<p>${count}, newest first.</p>\n${entries.map(article).join('\n')}`
    : '<p>No requests yet. <a href="/">Send one from the storefront.</a></p>';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Inbox · Kestrel Kitchen after-sales</title>
  <link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/demo/demo.css">
</head>
<body>
  <header class="site">
    <a class="brand" href="/">Kestrel Kitchen</a>
    <nav><a href="/">Returns &amp; exchanges</a></nav>
  </header>
  <main class="inbox">
    <h1>Inbox</h1>
    ${body}
  </main>
</body>
</html>
`;
}
