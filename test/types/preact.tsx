/**
 * A Preact host's TSX, compiled against the built package: `refund-exchange-form/preact` types
 * the element. Each `@ts-expect-error` proves a wrong use is refused.
 */
import 'refund-exchange-form/preact';
import type { EndpointBody } from 'refund-exchange-form';

export const Returns = () => (
  <>
    <refund-exchange-form
      endpoint="/api/returns"
      maxImages={2}
      hidePolicies
      prefill={{ orderId: '302-1234567-7654321' }}
      onrefund-exchange-submit={(event) => {
        const payload: EndpointBody = event.detail.payload;
        return payload;
      }}
      onrefund-exchange-error={(event) => event.detail.kind}
    />
    {/* @ts-expect-error maxImages is a number */}
    <refund-exchange-form maxImages="2" />
    {/* @ts-expect-error a success event has no errors */}
    <refund-exchange-form onrefund-exchange-success={(event) => event.detail.errors} />
  </>
);
