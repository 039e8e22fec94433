/**
 * A Solid host's TSX, compiled against the built package: `refund-exchange-form/solid` types
 * the element and its `on:` events. Each `@ts-expect-error` proves a wrong use is refused.
 */
import 'refund-exchange-form/solid';
import type { EndpointBody } from 'refund-exchange-form';

export const Returns = () => (
  <>
    <refund-exchange-form
      endpoint="/api/returns"
      maxImages={2}
      hidePolicies
      prefill={{ orderId: '302-1234567-7654321' }}
      on:refund-exchange-submit={(event) => {
        const payload: EndpointBody = event.detail.payload;
        return payload;
      }}
      on:refund-exchange-error={(event) => event.detail.kind}
    />
    {/* @ts-expect-error maxImages is a number */}
    <refund-exchange-form maxImages="2" />
    {/* @ts-expect-error a success event has no errors */}
    <refund-exchange-form on:refund-exchange-success={(event) => event.detail.errors} />
  </>
);
