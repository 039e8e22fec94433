import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FormModel } from '../../src/form/model.js';
import { showServerErrors } from '../../src/submission/server-errors.js';

describe('showServerErrors', () => {
  it('puts the first message of each field at it, and the rest at the top, telling the model’s listeners once', () => {
    const model = new FormModel();
    let told = 0;
    model.subscribe(() => told++);
    showServerErrors(model, [
      { field: 'orderId', message: 'No such order' },
      { field: 'orderId', message: 'second' },
      { field: 'nonsense', message: 'Try tomorrow' },
      { field: '', message: 'Whole form' },
    ]);
    assert.deepEqual(model.serverErrors, { orderId: 'No such order' });
    assert.deepEqual(model.topErrors, ['Try tomorrow', 'Whole form']);
    assert.equal(told, 1);
  });

  it('replaces the answer before it, until the customer changes the field', () => {
    const model = new FormModel();
    showServerErrors(model, [{ field: 'email', message: 'Unknown address' }, { field: '', message: 'Whole form' }]);
    showServerErrors(model, [{ field: 'orderId', message: 'No such order' }]);
    assert.deepEqual(model.serverErrors, { orderId: 'No such order' });
    assert.deepEqual(model.topErrors, []);
    model.set('orderId', '123-1234567-1234568');
    assert.equal(model.serverErrors.orderId, undefined);
  });
});
