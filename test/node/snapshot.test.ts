import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FormModel } from '../../src/form/model.js';
import { restore, snapshot } from '../../src/form/snapshot.js';
import { filled } from './samples.js';

describe('snapshot', () => {
  it('loads a snapshot back, a field emptied on purpose included', () => {
    const model = filled();
    model.set('marketplace', '');
    model.leave('email');
    const copy = new FormModel();
    assert.equal(restore(copy, JSON.parse(JSON.stringify(snapshot(model)))), true);
    assert.deepEqual(copy.values, model.values);
    assert.deepEqual([...copy.changed].sort(), [...model.changed].sort());
    assert.deepEqual([...copy.left], ['email']);
    assert.equal(copy.marketplace('amazon.com', ['amazon.com']), undefined);
  });

  it('takes a prefill of request keys, and only what fits', () => {
    const model = new FormModel();
    const taken = restore(
      model,
      { orderId: '123-1234567-1234567', reason: 'bogus', resolution: 'exchange', email: 42, constructor: 'x' },
      { reason: ['defective', 'other'], resolution: ['refund', 'exchange'] },
    );
    assert.equal(taken, true);
    assert.equal(model.values.orderId, '123-1234567-1234567');
    assert.equal(model.values.resolution, 'exchange');
    assert.equal(model.values.reason, '', 'not one of the choices');
    assert.equal(model.values.email, '', 'not a string');
  });

  it('ignores what is not a snapshot at all', () => {
    for (const data of [null, undefined, 'text', 7, [], [{ email: 'a' }], { values: { email: 'x'.repeat(5_000_000) } }, {}]) {
      const model = new FormModel();
      assert.equal(restore(model, data), false, JSON.stringify(data)?.slice(0, 40));
      assert.equal(model.hasInput, false);
    }
  });
});
