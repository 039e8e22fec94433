/**
 * What every framework host page shares with test/frameworks.test.ts: the endpoint from the
 * page's query, a prefill object (passed as a property, which a string attribute would lose),
 * and a record of each event the element fires, read by the test through `window.host`.
 */
import type { Prefill } from 'refund-exchange-form';

export interface Recorded {
  type: string;
  detail: unknown;
}

export const host = {
  endpoint: new URLSearchParams(location.search).get('endpoint') ?? '',
  prefill: {
    marketplace: 'amazon.com',
    email: 'jane@example.com',
    name: 'Jane Doe',
    orderId: '123-1234567-1234567',
    resolution: 'refund',
    reason: 'defective',
  } satisfies Prefill,
  events: [] as Recorded[],
  framework: '',
  record(event: Event) {
    host.events.push({ type: event.type, detail: (event as CustomEvent).detail });
  },
  ready(name: string, version: string) {
    host.framework = `${name} ${version}`;
  },
};

declare global {
  interface Window {
    host: typeof host;
  }
}
window.host = host;
