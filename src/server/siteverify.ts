/**
 * Verification of a solution with Friendly Captcha's hosted v1 service (siteverify).
 * Fails closed: only a host that opts in lets requests through while the service is down.
 */

export const SITEVERIFY_ENDPOINTS = {
  global: 'https://api.friendlycaptcha.com/api/v1/siteverify',
  eu: 'https://eu-api.friendlycaptcha.eu/api/v1/siteverify',
} as const;

/** The service's own error codes, most telling first: the host's mistakes before the customer's. */
const SERVICE_ERRORS = [
  'secret_missing',
  'secret_invalid',
  'bad_request',
  'solution_missing',
  'solution_timeout_or_duplicate',
  'solution_invalid',
] as const;
type ServiceError = (typeof SERVICE_ERRORS)[number];

/**
 * A service error code, or `unreachable` (no answer in time, no connection, a 5xx) or
 * `bad_response` (a 2xx that is not the service's JSON).
 */
export type HostedFailureReason = ServiceError | 'unreachable' | 'bad_response';

export type HostedVerifyResult = { ok: true; degraded?: true } | { ok: false; reason: HostedFailureReason };

export interface HostedVerifyOptions {
  /** The API key from the Friendly Captcha dashboard. */
  secret: string;
  /** When given, the service also checks the solution was made for this site key. */
  sitekey?: string;
  /** `global` (default), `eu`, or the full URL of a compatible siteverify endpoint. */
  endpoint?: 'global' | 'eu' | (string & {});
  /**
   * Accept the solution, as `{ ok: true, degraded: true }`, when the service is `unreachable`
   * or gives a `bad_response`. Never applies to an answer that refuses the solution. Default false.
   */
  failOpen?: boolean;
  /** How long to wait for the answer. Default 5000 ms. */
  timeoutMs?: number;
  /** The `fetch` to use. Default the global one. */
  fetch?: typeof fetch;
}

/**
 * Asks the hosted service whether `solution` (the form's `captcha` value, as received) is valid.
 * An empty solution or secret is refused without asking. Logs nothing. Rejects only for a configuration
 * mistake: an endpoint that is not an http(s) URL, so that failing open cannot hide it.
 */
export async function verifyHosted(solution: unknown, options: HostedVerifyOptions): Promise<HostedVerifyResult> {
  const url = endpointUrl(options.endpoint ?? 'global');
  if (typeof solution !== 'string' || solution === '') return { ok: false, reason: 'solution_missing' };
  if (!options.secret) return { ok: false, reason: 'secret_missing' };
  const unavailable = (reason: 'unreachable' | 'bad_response'): HostedVerifyResult =>
    options.failOpen ? { ok: true, degraded: true } : { ok: false, reason };

  const body: Record<string, string> = { solution, secret: options.secret };
  if (options.sitekey) body.sitekey = options.sitekey;
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    text = await response.text();
  } catch {
    return unavailable('unreachable');
  }
  if (response.status >= 500) return unavailable('unreachable');

  const answer = parseJson(text);
  if (response.ok && answer?.success === true) return { ok: true };
  if (response.ok && answer?.success !== false) return unavailable('bad_response');
  // A refusal (`success: false` or a 4xx): never failed open. Unknown or missing codes count
  // as an invalid solution, or as the host's bad request when the status says so.
  const codes = Array.isArray(answer?.errors) ? answer.errors : [];
  const reason = SERVICE_ERRORS.find((code) => codes.includes(code));
  return { ok: false, reason: reason ?? (response.ok ? 'solution_invalid' : 'bad_request') };
}

function endpointUrl(endpoint: string): string {
  if (endpoint === 'global' || endpoint === 'eu') return SITEVERIFY_ENDPOINTS[endpoint];
  const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new TypeError('endpoint must be "global", "eu" or an http(s) URL');
  }
  return url.href;
}

function parseJson(text: string): { success?: unknown; errors?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
