/** Whether the `endpoint` attribute names a place the form may send customer data to. No DOM. */

// Loopback only: plain http: elsewhere would put names, emails and photos on the wire in clear.
const LOCAL = /^((.+\.)?localhost\.?|127(\.\d+){3}|\[::1\])$/;

export type Endpoint = { url: string } | { problem: string };

/**
 * Resolves `value` against the page's base URL. Gives the absolute URL, or a problem in
 * English for the console: missing, not a URL, not https: (`javascript:`, `data:`, …), or
 * plain http: to a host that is not this machine.
 */
export function checkEndpoint(value: string | null | undefined, base: string): Endpoint {
  const raw = value?.trim();
  const say = (why: string) => ({ problem: `the "endpoint" attribute ${why}` });
  if (!raw) return say('is missing');
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return say(`is not a URL: ${raw}`);
  }
  const { protocol, hostname } = url;
  if (protocol !== 'https:' && protocol !== 'http:') return say(`must be an https: URL, not ${protocol}`);
  if (protocol === 'http:' && !LOCAL.test(hostname)) {
    return say(`uses plain http: to ${hostname}; only https: may leave this machine`);
  }
  // fetch refuses such URLs outright; say so now rather than fail on every submission.
  if (url.username || url.password) return say('must not contain a user name or password');
  return { url: url.href };
}

/** `checkEndpoint` after a change of `before`: a problem is logged once, when it appears. */
export function recheckEndpoint(before: Endpoint, value: string | null | undefined, base: string): Endpoint {
  const target = checkEndpoint(value, base);
  if ('problem' in target && target.problem !== ('problem' in before ? before.problem : '')) {
    console.error(`refund-exchange-form: not sending anything: ${target.problem}.`);
  }
  return target;
}
