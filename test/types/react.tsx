/**
 * A React 19 host's TSX, compiled with @types/react 19 against the built package: the bare
 * element, typed by `refund-exchange-form/react`, and the wrapper for React 18. Each
 * `@ts-expect-error` proves a wrong use is refused.
 */
import { useRef } from 'react';
import { RefundExchangeForm, type RefundExchangeFormElement } from 'refund-exchange-form/react';
import type { EndpointBody } from 'refund-exchange-form';

export function Bare() {
  const ref = useRef<RefundExchangeFormElement>(null);
  return (
    <>
      <refund-exchange-form
        ref={ref}
        endpoint="/api/returns"
        maxImages={2}
        hidePolicies
        draft="local"
        prefill={{ orderId: '302-1234567-7654321' }}
        channels={[{ id: 'shop', names: 'Our shop', orderIdPattern: 'KK-\\d{6}', orderIdExample: 'KK-104233' }]}
        onrefund-exchange-submit={(event) => {
          const payload: EndpointBody = event.detail.payload;
          return payload;
        }}
        onrefund-exchange-success={(event) => event.detail.reference?.toUpperCase()}
        onrefund-exchange-error={(event) => event.detail.kind === 'network'}
      />
      {/* @ts-expect-error maxImages is a number */}
      <refund-exchange-form maxImages="2" />
      {/* @ts-expect-error draft is session, local or off */}
      <refund-exchange-form draft="forever" />
      {/* @ts-expect-error a success event has no errors */}
      <refund-exchange-form onrefund-exchange-success={(event) => event.detail.errors} />
      {/* @ts-expect-error no such property */}
      <refund-exchange-form maxPhotos={2} />
    </>
  );
}

export function Wrapped() {
  return (
    <>
      <RefundExchangeForm
        endpoint="/api/returns"
        maxImages={2}
        prefill={{ email: 'jane@example.com' }}
        onRefundExchangeSubmit={(event) => event.detail.payload.orderId}
        onRefundExchangeSuccess={(event) => event.detail.status}
        onRefundExchangeError={(event) => event.detail.errors?.map((error) => error.field)}
      />
      {/* @ts-expect-error maxImages is a number */}
      <RefundExchangeForm maxImages="2" />
      {/* @ts-expect-error an error event has no payload */}
      <RefundExchangeForm onRefundExchangeError={(event) => event.detail.payload} />
    </>
  );
}
