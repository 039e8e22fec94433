/** Whether the `endpoint` attribute names a place the form may send customer data to. No DOM. */

// Loopback only: plain http: elsewhere would put names, emails and photos on the wire in clear.
const LOCAL = /^((.+\.)?localhost\.?|127(\.\d+){3}|\[::1\])$/;

/**
 * Where the form sends, or why it must not: a problem's code and what it is about, e.g.
 * `scheme javascript:`, said in full on the console by endpoint-problem.ts.
 */
export type Endpoint = { url: string } | { problem: string };

/**
 * Resolves `value` against the page's base URL. Gives the absolute URL, or a problem: missing,
 * not a URL, not https: (`javascript:`, `data:`, …), plain http: to a host that is not this
 * machine, or a user name or password, which fetch refuses outright.
 */
export function checkEndpoint(value: string | null | undefined, base: string): Endpoint {
  const raw = value?.trim();
  if (!raw) return { problem: 'missing' };
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { problem: `not-url ${raw}` };
  }
  const { protocol, hostname } = url;
  if (protocol !== 'https:' && protocol !== 'http:') return { problem: `scheme ${protocol}` };
  if (protocol === 'http:' && !LOCAL.test(hostname)) return { problem: `http ${hostname}` };
  return url.username || url.password ? { problem: 'credentials' } : { url: url.href };
}

/**
 * `checkEndpoint` after a change of `before`: a problem is logged once, when it appears, in
 * words that load only for a page that set the form up wrong.
 */
export function recheckEndpoint(before: Endpoint, value: string | null | undefined, base: string): Endpoint {
  const target = checkEndpoint(value, base);
  if ('problem' in target && target.problem !== ('problem' in before ? before.problem : '')) {
    const say = (why: string) => console.error(`refund-exchange-form: not sending anything: ${why}.`);
    import('./endpoint-problem.js').then(({ explain }) => say(explain(target.problem)), () => say(target.problem));
  }
  return target;
}
