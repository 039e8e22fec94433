// A React 18 host: the @lit/react component from `refund-exchange-form/react`. React 18 itself
// would set `maxImages={2}` as a `maximages` attribute and never call the handlers.
import { version } from 'react';
import { createRoot } from 'react-dom/client';
import { RefundExchangeForm } from 'refund-exchange-form/react';
import { host } from '../host.js';

createRoot(document.getElementById('app')!).render(
  <RefundExchangeForm
    endpoint={host.endpoint}
    lang="en-US"
    draft="off"
    maxImages={2}
    hidePolicies
    prefill={host.prefill}
    onRefundExchangeSubmit={host.record}
    onRefundExchangeSuccess={host.record}
    onRefundExchangeError={host.record}
  />,
);
host.ready('React', version);
