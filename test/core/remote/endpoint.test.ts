import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveEndpoint } from '../../../core/remote/index.ts';
import { KolmError } from '../../../core/errors.ts';

const test = suite('remote endpoint');

test('a LoRAX base URL posts to /generate', () => {
  for (const u of ['http://localhost:8080', 'http://localhost:8080/', 'http://localhost:8080//']) {
    const e = resolveEndpoint(u);
    assert.is(e.url, 'http://localhost:8080/generate', u);
    assert.is(e.kind, 'lorax');
    assert.is(e.note, undefined);
  }
});

test('a full /generate URL is kept; a proxy prefix is kept', () => {
  assert.is(resolveEndpoint('http://10.0.0.5:80/generate').url, 'http://10.0.0.5/generate');
  assert.is(resolveEndpoint('https://gw.example.com/lorax/generate').url, 'https://gw.example.com/lorax/generate');
  assert.is(resolveEndpoint('https://gw.example.com/lorax').url, 'https://gw.example.com/lorax/generate');
});

test('a Predibase deployment URL gets /generate, with tenant and deployment read from the path', () => {
  const base = 'https://serving.app.predibase.com/abc123/deployments/v2/llms/qwen3-8b';
  for (const u of [base, `${base}/`, `${base}/generate`]) {
    const e = resolveEndpoint(u);
    assert.is(e.url, `${base}/generate`, u);
    assert.is(e.kind, 'predibase');
    assert.is(e.tenant, 'abc123');
    assert.is(e.deployment, 'qwen3-8b');
  }
});

test('the Predibase OpenAI base URL and the stream route are turned into the native /generate, with a note', () => {
  const base = 'https://serving.app.predibase.com/abc123/deployments/v2/llms/my-llm';
  for (const suffix of ['/v1', '/v1/completions', '/v1/chat/completions', '/generate_stream']) {
    const e = resolveEndpoint(base + suffix);
    assert.is(e.url, `${base}/generate`, suffix);
    assert.is(e.kind, 'predibase');
    assert.ok(e.note && e.note.includes('/generate'), suffix);
  }
});

test('the legacy Predibase URL is recognised', () => {
  const e = resolveEndpoint('https://api.app.predibase.com/v1/llms/llama-3-8b');
  assert.is(e.url, 'https://api.app.predibase.com/v1/llms/llama-3-8b/generate');
  assert.is(e.kind, 'predibase');
  assert.is(e.deployment, 'llama-3-8b');
});

test('display drops the query string; the fragment is dropped everywhere', () => {
  const e = resolveEndpoint('http://h:1/generate?x=secret#frag');
  assert.is(e.url, 'http://h:1/generate?x=secret');
  assert.is(e.display, 'http://h:1/generate');
});

test('not a URL, a non-http scheme, or credentials in the URL are usage errors (credentials never echoed)', () => {
  const cases: [string, RegExp][] = [
    ['localhost:8080', /has no http:\/\/ or https:\/\//],
    ['ftp://host/x', /http\(s\)/],
    ['not a url', /not a URL/],
  ];
  for (const [u, re] of cases) {
    try {
      resolveEndpoint(u);
      assert.unreachable(u);
    } catch (err) {
      assert.instance(err, KolmError);
      assert.is((err as KolmError).code, 'E_USAGE');
      assert.match((err as KolmError).message, re);
    }
  }
  try {
    resolveEndpoint('https://user:hunter2-secret@serving.app.predibase.com/t/deployments/v2/llms/d');
    assert.unreachable();
  } catch (err) {
    const e = err as KolmError;
    assert.is(e.code, 'E_USAGE');
    assert.not.match(e.message + e.hint, /hunter2-secret/);
    assert.match(e.hint!, /PREDIBASE_API_TOKEN/);
  }
});

test.run();
