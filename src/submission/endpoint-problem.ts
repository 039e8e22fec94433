/**
 * Why the form will not send to its `endpoint`, in English for the console: a chunk of its own,
 * loaded only by a page that set the form up wrong (endpoint.ts). No DOM.
 */
const WHY: Record<string, (about: string) => string> = {
  missing: () => 'is missing',
  'not-url': (value) => `is not a URL: ${value}`,
  scheme: (protocol) => `must be an https: URL, not ${protocol}`,
  http: (host) => `uses plain http: to ${host}; only https: may leave this machine`,
  credentials: () => 'must not contain a user name or password',
};

/** The sentence for a problem of `checkEndpoint`. */
export function explain(problem: string): string {
  const space = problem.indexOf(' ');
  const [code, about] = space < 0 ? [problem, ''] : [problem.slice(0, space), problem.slice(space + 1)];
  return `the "endpoint" attribute ${WHY[code]?.(about) ?? problem}`;
}
