// The inbox pages: stored requests, newest first, 25 a page, and its sign-in form. Everything
// in them came from a customer, so every value is escaped; none of it ever becomes markup.
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
];

function field([key, name, show = (v) => v], request) {
  const value = request[key];
  if (value === undefined || value === null || value === '') return '';
  const cls = key === 'details' ? ' class="details"' : '';
  return `<div><dt>${escapeHtml(name)}</dt><dd${cls}>${escapeHtml(show(value))}</dd></div>`;
}

/** A link to the photo, not the photo: a page of 25 requests stays small however large they are. */
function photo(reference, image, n) {
  const { name = '', width, height, bytes } = image ?? {};
  const size = `${width} × ${height} · ${Math.max(1, Math.round(Number(bytes) / 1024))} KB`;
  const href = `/api/requests/${encodeURIComponent(reference)}/images/${n}`;
  return `<li><a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(name || `Photo ${n + 1}`)}</a> <span class="meta">${escapeHtml(size)}</span></li>`;
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
  ${images.length ? `<h3>${escapeHtml(en.images)} (${images.length})</h3><ul class="photo-links">${images.map((image, n) => photo(reference, image, n)).join('')}</ul>` : ''}
</article>`;
}

/** The inbox's size of page: its memory stays flat however many requests are stored. */
export const PAGE_SIZE = 25;

/** One page of the inbox: `items` (newest first) of `total`, page `page` counted from 1. */
export function renderInbox({ items, total, page }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE + 1;
  const count = total === 1 ? '1 request' : `${total} requests`;
  const nav =
    pages > 1
      ? `<nav class="pages" aria-label="Pages">${page > 1 ? `<a href="/inbox?page=${page - 1}" rel="prev">Newer</a>` : ''} <span>Page ${page} of ${pages}</span> ${page < pages ? `<a href="/inbox?page=${page + 1}" rel="next">Older</a>` : ''}</nav>`
      : '';
  const body = total
    ? `<p>${count}, newest first${pages > 1 ? `; ${first} to ${first + items.length - 1} here` : ''}.</p>\n${nav}\n${items.map(article).join('\n')}\n${nav}`
    : '<p>No requests yet. <a href="/">Send one from the storefront.</a></p>';
  return layout('Inbox', body);
}

/** The sign-in form, when `INBOX_TOKEN` is set and the browser has no session yet. */
export function renderSignIn({ failed = false } = {}) {
  const error = failed ? '<p class="notice" role="alert">That token is not right.</p>' : '';
  return layout(
    'Sign in to the inbox',
    `${error}<form method="post" action="/inbox/sign-in" class="sign-in">
      <label for="token">Inbox token</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required>
      <button type="submit">Sign in</button>
    </form>`,
  );
}

function layout(heading, body) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(heading)} · Kestrel Kitchen after-sales</title>
  <link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/demo/demo.css">
</head>
<body>
  <header class="site">
    <a class="brand" href="/">Kestrel Kitchen</a>
    <nav><a href="/">Returns &amp; exchanges</a></nav>
  </header>
  <main class="inbox">
    <h1>${escapeHtml(heading)}</h1>
    ${body}
  </main>
</body>
</html>
`;
}
