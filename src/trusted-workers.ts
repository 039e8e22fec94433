/**
 * Workers from blob: URLs on pages that enforce Trusted Types (`require-trusted-types-for
 * 'script'`): the captcha's solvers and the photo worker. `new Worker(url)` is a sink, so each
 * URL goes through the widget's one policy, which passes only the blob: URLs made here.
 */

/** What a page must allow in its CSP for the widget's policy. */
export const TRUSTED_TYPES_DIRECTIVE = 'trusted-types refund-exchange-form';

interface ScriptURLPolicy {
  createScriptURL(url: string): unknown;
}
interface PolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptURLPolicy;
}

/** The blob: URLs made during the current worker-creating call. */
const made = new Set<string>();
/** Created on first use; null once the page has refused it (a CSP cannot loosen later). */
let policy: ScriptURLPolicy | null | undefined;

/**
 * The widget's one policy, made on first use and shared by every form on the page. False when
 * the page enforces Trusted Types without allowing it; the console then says what to add, once.
 */
export function policyAllowed(): boolean {
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  // Without Trusted Types, URLs go to the Worker as they are.
  if (!factory) return true;
  if (policy === undefined) {
    try {
      policy = factory.createPolicy('refund-exchange-form', {
        createScriptURL(url) {
          if (url.startsWith('blob:') && made.has(url)) return url;
          throw new TypeError(`refund-exchange-form: refused worker script ${url}`);
        },
      });
    } catch {
      policy = null;
      console.error(
        '<refund-exchange-form>: this page enforces Trusted Types but does not allow the form’s policy: a captcha cannot run, ' +
          'and photos are prepared on the main thread. ' +
          'Add the name refund-exchange-form to the trusted-types directive of its Content-Security-Policy, ' +
          'e.g. "trusted-types lit-html refund-exchange-form".',
      );
    }
  }
  return policy !== null;
}

/**
 * `url` for a Worker: through the policy where Trusted Types exist. Where the page refused the
 * policy the string goes as it is, and the page's own check refuses it.
 */
export function scriptURL(url: string): string {
  policyAllowed();
  // A TrustedScriptURL, which Worker takes wherever it takes a string.
  return (policy?.createScriptURL(url) ?? url) as string;
}

/**
 * Runs `create`, which makes workers synchronously, with `Worker` and `URL.createObjectURL`
 * swapped for the length of the call only: the policy then passes the blob: URLs made inside
 * it and nothing else. The Worker in place when called is the one used (tests put fakes there).
 */
export function withTrustedWorkers<T>(create: () => T): T {
  const OriginalWorker = globalThis.Worker;
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (object) => {
    const url = createObjectURL.call(URL, object);
    made.add(url);
    return url;
  };
  globalThis.Worker = function (url: string | URL, options?: WorkerOptions) {
    return new OriginalWorker(scriptURL(String(url)), options);
  } as unknown as typeof Worker;
  try {
    return create();
  } finally {
    globalThis.Worker = OriginalWorker;
    URL.createObjectURL = createObjectURL;
    made.clear();
  }
}
