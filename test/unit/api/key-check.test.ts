// "The key works" only on evidence that the provider authenticated it: a JSON answer in the queue or
// aggregator shape. A website, a block page, a 200 where the queue API would say "unknown request",
// a rate limit — none of them says anything about the key.
import { describe, expect, it } from 'vitest';
import { checkKey } from '../../../electron/core/api/key-check';

const BASE = 'https://api.example.test';
const HTML = '<!doctype html><html><head><title>Welcome to Example</title></head><body>hi</body></html>';
const json = (body: unknown) => JSON.stringify(body);

function answering(status: number, body: string, contentType = body.startsWith('<') ? 'text/html' : 'application/json'): typeof fetch {
  return (() => Promise.resolve(new Response(body, { status, headers: { 'content-type': contentType } }))) as typeof fetch;
}

const check = (status: number, body: string) => checkKey({ provider: 'aggregator', baseUrl: BASE, key: 'sk-test-123456', fetch: answering(status, body) });

describe('checkKey: evidence of authentication', () => {
  it.each([
    ['a website’s 200 page', 200, HTML],
    ['a website’s 404 page', 404, HTML.replace('Welcome to Example', '404 Not Found')],
    ['a 200 JSON on the impossible request’s path', 200, json({ status: 'IN_QUEUE' })],
  ])('%s → not the API (unchecked), never "works"', async (_name, status, body) => {
    const r = await check(status, body);
    expect(r.verdict).toBe('unchecked');
    expect(r.message).toMatch(/does not look like the .*API.*base URL/i);
  });

  it.each([
    ['fal’s 404 for the unknown request', 404, json({ detail: 'Request not found' })],
    ['a 422 in fal’s shape', 422, json({ detail: [{ loc: ['path', 'request_id'], msg: 'bad id', type: 'value_error' }] })],
    ['the aggregator’s 404 envelope', 404, json({ error: { message: 'Invalid URL (GET /x)', type: 'invalid_request_error' } })],
  ])('%s → works', async (_name, status, body) => {
    expect((await check(status, body)).verdict).toBe('works');
  });

  it.each([
    ['a banned user', '用户已被封禁'],
    ['an IP allowlist', '您的 IP 不在令牌允许访问的列表中'],
  ])('403 for %s → rejected, in the provider’s words', async (_name, words) => {
    const r = await check(403, json({ error: { message: words, type: 'new_api_error' } }));
    expect(r.verdict).toBe('rejected');
    expect(r.message).toContain(words);
    expect(r.message).not.toMatch(/key works/i);
  });

  it('403 saying the quota is used up → the key is known (works), with the advice to top up', async () => {
    const r = await check(403, json({ error: { message: '用户额度不足, 剩余额度: ＄0.000000', type: 'new_api_error', code: 'insufficient_user_quota' } }));
    expect(r.verdict).toBe('works');
    expect(r.message).toMatch(/top up/);
  });

  it('a 403 block page (no JSON) → couldn’t check, naming what answered', async () => {
    const r = await check(403, HTML.replace('Welcome to Example', 'Attention Required! | Cloudflare'));
    expect(r.verdict).toBe('unchecked');
    expect(r.message).toContain('Cloudflare');
  });

  it('429 → couldn’t check', async () => {
    const r = await check(429, json({ error: { message: '当前分组上游负载已饱和，请稍后再试', type: 'new_api_error' } }));
    expect(r.verdict).toBe('unchecked');
    expect(r.message).toMatch(/HTTP 429/);
  });
});
