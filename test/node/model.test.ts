import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FormModel } from '../../src/form/model.js';
import { checkRequest, due, type RequestContext } from '../../src/form/check.js';
import { createRequestSchema } from '../../src/schema.js';
import { filled, IMAGE } from './samples.js';

const context: RequestContext = { locale: 'en-US', marketplace: 'amazon.com' };
const rules = createRequestSchema();

describe('FormModel', () => {
  it('records what the customer changed and left, and tells its listeners', () => {
    const model = new FormModel();
    let calls = 0;
    const stop = model.subscribe(() => calls++);
    model.leave('email');
    assert.equal(model.left.has('email'), false, 'leaving an unchanged field is not leaving a change');
    model.set('email', 'j');
    model.leave('email');
    assert.deepEqual([...model.changed], ['email']);
    assert.deepEqual([...model.left], ['email']);
    assert.equal(calls, 2);
    stop();
    model.set('email', 'ja');
    assert.equal(calls, 2);
  });

  it('shows a problem after a submit, once changed and left, and a too-long value at once', () => {
    const model = new FormModel();
    model.set('name', 'n'.repeat(101));
    model.set('email', 'jane@');
    const { issues } = checkRequest(model, rules, context);
    assert.equal(due(model, 'name', issues.name), true, 'too long: the customer should stop typing');
    assert.equal(due(model, 'email', issues.email), false, 'still typing');
    model.leave('email');
    assert.equal(due(model, 'email', issues.email), true);
    assert.equal(due(model, 'orderId', issues.orderId), false, 'never touched');
    model.startSubmit();
    assert.equal(due(model, 'orderId', issues.orderId), true);
    assert.equal(due(model, 'orderId', undefined), false);
  });

  it('clears a server error when its field changes, and the top ones when a submit starts', () => {
    const model = filled();
    model.replace({ serverErrors: { orderId: 'No such order' }, topErrors: ['Try tomorrow'] });
    model.set('orderId', '123-1234567-1234568');
    assert.equal(model.serverErrors.orderId, undefined);
    model.startSubmit();
    assert.deepEqual(model.topErrors, []);
  });

  it('shows the region’s purchase site until the customer chooses, then only an offered one', () => {
    const model = new FormModel();
    const offered = ['amazon.com', 'amazon.de'];
    assert.equal(model.marketplace('amazon.com', offered), 'amazon.com');
    model.set('marketplace', 'amazon.de');
    assert.equal(model.marketplace('amazon.com', offered), 'amazon.de');
    model.set('marketplace', '');
    assert.equal(model.marketplace('amazon.com', offered), undefined, '“Choose…” is a choice');
    model.set('marketplace', 'amazon.fr');
    assert.equal(model.marketplace('amazon.com', offered), undefined);
  });

  it('knows whether anything worth keeping was entered', () => {
    const model = new FormModel();
    model.set('marketplace', 'amazon.de');
    model.set('email', '  ');
    assert.equal(model.hasInput, false);
    model.addPhotos([{ id: 'p', image: IMAGE }]);
    assert.equal(model.hasInput, true);
    model.removePhoto('p');
    model.set('details', 'x');
    assert.equal(model.hasInput, true);
    model.reset();
    assert.equal(model.hasInput, false);
    assert.equal(model.changed.size, 0);
  });
});
