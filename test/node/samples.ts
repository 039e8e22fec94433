/** Requests the Node tests share: one valid request, the smallest real PNG, and a form filled in. */
import { FormModel } from '../../src/form/model.js';

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

/** A model with every required field filled in as a customer would. */
export function filled(): FormModel {
  const model = new FormModel();
  model.set('email', ' jane@example.com ');
  model.set('name', 'Jane Doe');
  model.set('orderId', '123-1234567-1234567');
  model.set('productName', 'Kettle');
  model.set('resolution', 'refund');
  model.set('reason', 'defective');
  return model;
}

/** A prepared photo as the model keeps it. */
export const IMAGE = { name: 'a.jpg', type: 'image/jpeg' as const, width: 1, height: 1, data: 'AAAA' };
