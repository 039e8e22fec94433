/** Requests the Node tests share: one valid request, and the smallest real PNG. */
export const VALID = {
  marketplace: 'amazon.de',
  email: 'kim@example.com',
  name: 'Kim Lee',
  orderId: '123-1234567-1234567',
  productName: 'Kestrel K2 kettle',
  resolution: 'exchange',
  reason: 'defective',
  locale: 'de-DE',
};

/** A 1 × 1 PNG, 70 bytes. */
export const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
