import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FormModel } from '../../src/form/model.js';
import { unset } from '../../src/form/prefill-values.js';
import { restore } from '../../src/form/snapshot.js';

describe('unset', () => {
  it('empties fields as if never entered, and tells its listeners once', () => {
    const model = new FormModel();
    restore(model, { orderId: 'not an order', name: 'Jane' });
    model.leave('orderId');
    let told = 0;
    model.subscribe(() => told++);
    unset(model, ['orderId']);
    assert.deepEqual([model.values.orderId, model.values.name], ['', 'Jane']);
    assert.ok(!model.changed.has('orderId') && !model.left.has('orderId') && model.changed.has('name'));
    assert.equal(told, 1);
    unset(model, []);
    assert.equal(told, 1);
  });
});
