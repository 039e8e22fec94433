import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkEndpoint, recheckEndpoint } from '../../src/submission/endpoint.js';
import { explain } from '../../src/submission/endpoint-problem.js';

const SHOP = 'https://shop.example.com/help/returns.html';
const LOCAL_PAGE = 'http://localhost:8000/demo/';

const accepts = (value: string, base: string, url: string) => assert.deepEqual(checkEndpoint(value, base), { url });

function refuses(value: string | null | undefined, base: string, words: RegExp) {
  const result = checkEndpoint(value, base);
  assert.ok('problem' in result, `expected a problem for ${String(value)}, got ${JSON.stringify(result)}`);
  const said = explain(result.problem);
  assert.match(said, /^the "endpoint" attribute /);
  assert.match(said, words);
}

describe('checkEndpoint: accepted', () => {
  it('takes an absolute https: URL on any host', () => {
    accepts('https://api.example.org/refunds?shop=7', SHOP, 'https://api.example.org/refunds?shop=7');
  });

  it('resolves a relative URL against the page', () => {
    accepts('/api/refunds', SHOP, 'https://shop.example.com/api/refunds');
    accepts('submit', SHOP, 'https://shop.example.com/help/submit');
    accepts('//other.example.net/in', SHOP, 'https://other.example.net/in');
  });

  it('trims whitespace around the value', () => {
    accepts('  \n https://api.example.org/r \t', SHOP, 'https://api.example.org/r');
  });

  it('takes plain http: to this machine', () => {
    accepts('http://localhost:3000/r', SHOP, 'http://localhost:3000/r');
    accepts('http://shop.localhost/r', SHOP, 'http://shop.localhost/r');
    accepts('http://LOCALHOST/r', SHOP, 'http://localhost/r');
    accepts('http://127.0.0.1:8080/r', SHOP, 'http://127.0.0.1:8080/r');
    accepts('http://127.0.0.5/r', SHOP, 'http://127.0.0.5/r');
    accepts('http://[::1]:8080/r', SHOP, 'http://[::1]:8080/r');
    accepts('/api/r', LOCAL_PAGE, 'http://localhost:8000/api/r');
  });

  it('takes an upper-case HTTPS: scheme', () => {
    accepts('HTTPS://api.example.org/r', SHOP, 'https://api.example.org/r');
  });
});

describe('checkEndpoint: refused', () => {
  it('refuses a missing value', () => {
    refuses(null, SHOP, /is missing/);
    refuses(undefined, SHOP, /is missing/);
  });

  it('refuses a blank value', () => {
    refuses('', SHOP, /is missing/);
    refuses('  \t\n', SHOP, /is missing/);
  });

  it('refuses what is not a URL', () => {
    refuses('https://', SHOP, /is not a URL: https:\/\//);
    refuses('http://exa mple.com/', SHOP, /is not a URL/);
    refuses('https://[::1/', SHOP, /is not a URL/);
    refuses('/api/refunds', 'about:blank', /is not a URL/);
  });

  it('refuses plain http: to another host', () => {
    refuses('http://api.example.org/r', SHOP, /plain http: to api\.example\.org/);
    refuses('http://192.168.1.10/r', SHOP, /plain http: to 192\.168\.1\.10/);
    refuses('http://localhost.example.com/r', SHOP, /plain http:/);
    refuses('http://128.0.0.1/r', SHOP, /plain http:/);
    refuses('http://[::2]/r', SHOP, /plain http:/);
  });

  it('refuses a relative URL on a plain http: page of another host', () => {
    refuses('/api/r', 'http://shop.example.com/', /plain http: to shop\.example\.com/);
  });

  it('refuses script, data, blob, file and other schemes', () => {
    refuses('javascript:alert(1)', SHOP, /must be an https: URL, not javascript:/);
    refuses('JAVASCRIPT:alert(1)', SHOP, /not javascript:/);
    refuses(' \tjavascript:alert(1)', SHOP, /not javascript:/);
    refuses('data:application/json,{}', SHOP, /not data:/);
    refuses('blob:https://shop.example.com/0b8e2c41-7a34-4f1e-9d2a-0d5c1e2f3a4b', SHOP, /not blob:/);
    refuses('file:///etc/passwd', SHOP, /not file:/);
    refuses('ftp://files.example.com/r', SHOP, /not ftp:/);
    refuses('wss://api.example.org/r', SHOP, /not wss:/);
  });

  it('refuses a user name or password in the URL', () => {
    refuses('https://user:secret@api.example.org/r', SHOP, /user name or password/);
    refuses('https://user@api.example.org/r', SHOP, /user name or password/);
  });
});

describe('recheckEndpoint', () => {
  it('logs a problem once, when it appears or changes, and nothing for a usable endpoint', async () => {
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      let target = recheckEndpoint({ problem: '' }, undefined, SHOP);
      target = recheckEndpoint(target, undefined, SHOP);
      target = recheckEndpoint(target, 'javascript:alert(1)', SHOP);
      target = recheckEndpoint(target, '/api/returns', SHOP);
      assert.deepEqual(target, { url: 'https://shop.example.com/api/returns' });
      recheckEndpoint(target, '/api/returns', SHOP);
      // Said once its words have loaded.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      console.error = error;
    }
    assert.equal(logged.length, 2);
    assert.match(String(logged[0]), /not sending anything: the "endpoint" attribute is missing/);
    assert.match(String(logged[1]), /must be an https: URL, not javascript:/);
  });
});
