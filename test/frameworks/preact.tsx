/** @jsxImportSource preact */
// A Preact host with no wrapper: Preact sets the element's properties and listens to
// `onrefund-exchange-*` itself; `refund-exchange-form/preact` types it.
import { render } from 'preact';
import { version } from 'preact/package.json';
import 'refund-exchange-form/preact';
import { host } from './host.js';

render(
  <refund-exchange-form
    endpoint={host.endpoint}
    lang="en-US"
    draft="off"
    maxImages={2}
    hidePolicies
    prefill={host.prefill}
    onrefund-exchange-submit={host.record}
    onrefund-exchange-success={host.record}
    onrefund-exchange-error={host.record}
  />,
  document.getElementById('app')!,
);
host.ready('Preact', version);
