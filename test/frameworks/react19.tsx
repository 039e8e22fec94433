// A React 19 host with no wrapper: React 19 sets the element's properties and listens to
// `onrefund-exchange-*` itself; `refund-exchange-form/react` types the bare element.
import { version } from 'react';
import { createRoot } from 'react-dom/client';
import 'refund-exchange-form/react';
import { host } from './host.js';

createRoot(document.getElementById('app')!).render(
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
);
host.ready('React', version);
