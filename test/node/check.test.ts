import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkRequest, requestInput, type RequestContext } from '../../src/form/check.js';
import { createRequestSchema } from '../../src/schema.js';
import { filled, IMAGE } from './samples.js';

const context: RequestContext = { locale: 'en-US', marketplace: 'amazon.com' };
const rules = createRequestSchema();

describe('checkRequest', () => {
  it('turns values into the request: normalised by the rules, empty optional text left out', () => {
    const model = filled();
    model.set('details', '   ');
    assert.deepEqual(requestInput(model, context), {
      locale: 'en-US',
      marketplace: 'amazon.com',
      email: ' jane@example.com ',
      name: 'Jane Doe',
      orderId: '123-1234567-1234567',
      productName: 'Kettle',
      resolution: 'refund',
      reason: 'defective',
    });
    model.addPhotos([{ id: 'p1', image: IMAGE }]);
    const { request, issues } = checkRequest(model, rules, { ...context, captcha: 'solution' });
    assert.deepEqual(issues, {});
    assert.equal(request?.email, 'jane@example.com');
    assert.deepEqual(request?.images, [IMAGE]);
    assert.equal(request?.captcha, 'solution');
  });

  it('answers a check of unchanged values from memory, and checks again after a change', () => {
    const model = filled();
    const first = checkRequest(model, rules, context);
    assert.equal(checkRequest(model, rules, context), first);
    assert.notEqual(checkRequest(model, rules, { ...context, locale: 'de-DE' }), first);
    model.set('orderId', '12');
    const second = checkRequest(model, rules, context);
    assert.equal(second.request, undefined);
    assert.equal(second.issues.orderId?.code, 'invalid_format');
  });

  it('keeps the first issue of each field, with the input that made a value too long', () => {
    const model = filled();
    model.set('name', 'n'.repeat(105));
    const { issues } = checkRequest(model, rules, context);
    assert.equal(issues.name?.code, 'too_big');
    assert.equal(issues.name?.input, 'n'.repeat(105));
  });
});
