// The queue API's sentences are data (issue 15): each failure carries a catalog code the app says in
// its language, its English rendering is the sentence the CLI and logs always printed, and the
// provider's own words travel apart (providerWords), never inside the code's parameters.
import { describe, expect, it } from 'vitest';
import { classifyHttpFailure, transportFailure } from '../../../electron/core/api/classify';
import type { ApiError } from '../../../electron/core/api/errors';
import { fetchBalance } from '../../../electron/core/api/balance';
import { checkKey } from '../../../electron/core/api/key-check';
import { networkReason, networkReasonParams } from '../../../electron/core/api/network-words';
import { TransportError } from '../../../electron/core/api/transport';
import { formatMessage, isMessageId, type MessageParams } from '../../../shared/i18n/messages';

const HOST = 'api.example.test';
const ORIGIN = `https://${HOST}`;
/** Latin words a Chinese sentence may keep: names, units, protocol words (i18n-common.md). */
const NAMES = new Set(['HTTP', 'API', 'DNS', 'CDN', 'URL', 'JPEG', 'base64', 'CLI', 'resume', 'Veo', 'Studio', 'https', 'IP', 'ID', 'MB']);
/** Parameters that are data (addresses, ids, the server's machine codes), shown as they are in every language. */
const DATA_PARAMS = ['origin', 'host', 'proxy', 'url', 'requestId', 'errorType', 'size'];
/** Endpoint paths are names too. */
const ENDPOINTS = ['billing/subscription', 'billing/usage'];

/** The code's Chinese rendering, with no English left in it beyond names and the host. */
function chineseOf(coded: { code?: string; params?: MessageParams }): string {
  expect(isMessageId(coded.code), `code ${coded.code}`).toBe(true);
  const zh = formatMessage('zh-CN', coded.code as never, coded.params);
  const data = DATA_PARAMS.flatMap((k) => (coded.params?.[k] === undefined ? [] : [String(coded.params[k])]));
  const words = [...data, ...ENDPOINTS].reduce((text, value) => text.replaceAll(value, ''), zh).match(/[A-Za-z][A-Za-z0-9]+/g) ?? [];
  expect(words.filter((w) => !NAMES.has(w))).toEqual([]);
  expect(zh).toMatch(/\p{Script=Han}/u);
  return zh;
}
const englishOf = (coded: { code?: string; params?: MessageParams }): string => formatMessage('en', coded.code as never, coded.params);
const paramWords = (params: MessageParams | undefined): string => Object.values(params ?? {}).join(' ');

const failure = (status: number, body: unknown, op: 'submit' | 'status' = 'submit'): ApiError =>
  classifyHttpFailure({ op, status, headers: new Headers({ 'content-type': 'application/json' }), bodyText: JSON.stringify(body), attempts: 1 });

describe('coded API failures', () => {
  it('a content-policy refusal: coded, said in Chinese, the filter’s words apart', () => {
    const err = failure(422, { detail: [{ loc: ['body', 'prompt'], msg: 'Prompt flagged by the safety checker.', type: 'content_policy_violation' }] });
    expect(err.message).toBe('The safety filter refused the prompt (Prompt flagged by the safety checker). Reword the prompt, then generate again.');
    expect(err.code).toBe('api.input.contentPolicy');
    expect(englishOf(err)).toBe('The safety filter refused the prompt. Reword the prompt, then generate again.');
    expect(chineseOf(err)).toBe('安全过滤器拒绝了提示词。请修改提示词，然后重新生成。');
    expect(err.providerWords).toBe('Prompt flagged by the safety checker.');
    expect(paramWords(err.params)).not.toMatch(/flagged/);
    expect(err.toJobError()).toMatchObject({ code: 'api.input.contentPolicy', providerWords: 'Prompt flagged by the safety checker.' });
  });

  it('a quota refusal with the provider’s words: the English sentence as before, the words quoted after it and kept apart', () => {
    const said = '用户额度不足, 剩余额度: $0.12 (request id: 2025abc)';
    const err = failure(402, { error: { message: said, type: 'new_api_error', code: 'insufficient_user_quota' } });
    const sentence = 'Your balance or quota is exhausted (HTTP 402) — top up at your provider, then try again. Nothing was queued and you were not charged.';
    expect(err.message).toBe(`${sentence} The provider said: “${said}”`);
    expect(err.kind).toBe('quota');
    expect(englishOf(err)).toBe(sentence);
    expect(chineseOf(err)).toBe('余额或额度已用完（HTTP 402）。请到服务商处充值，然后重试。任务未排队，没有扣费。');
    expect(err.providerWords).toBe(said);
    expect(paramWords(err.params)).not.toContain('额度不足');
  });

  it('a quota refusal while following a paid job says "Check again", in both languages', () => {
    const err = failure(402, { error: { message: 'insufficient balance' } }, 'status');
    expect(englishOf(err)).toMatch(/^Your balance or quota ran out while this job was being followed \(HTTP 402\)\. .*"Check again"/);
    expect(chineseOf(err)).toContain('重新检查');
    expect(err.providerWords).toBe('insufficient balance');
  });

  it('a network failure: the reason and the advice as selects, the English unchanged', () => {
    const why = networkReasonParams('ENOTFOUND', HOST);
    const cause = new TransportError('connect', 'Network error (ENOTFOUND)', 'ENOTFOUND', { reason: networkReason('ENOTFOUND', HOST), why });
    const err = transportFailure('submit', cause, ORIGIN, 2);
    const before =
      'Network problem: the name api.example.test could not be resolved (DNS); gave up after 2 attempts. Check your network connection and the API base URL in Settings, then try again. Nothing was sent, so you were not charged.';
    expect(err.message).toBe(before);
    expect(err.code).toBe('api.network.failure');
    expect(englishOf(err)).toBe(before);
    expect(chineseOf(err)).toBe('网络问题：无法解析域名 api.example.test（DNS），已尝试2次后放弃。请检查网络连接和“设置”中的 API 地址，然后重试。请求未发送，没有扣费。');
    expect(err.providerWords).toBeUndefined();
  });

  it('a rejected key check: coded, the provider’s words apart', async () => {
    const answering = (() => Promise.resolve(new Response(JSON.stringify({ error: { message: 'invalid token', type: 'new_api_error' } }), { status: 401 }))) as typeof fetch;
    const r = await checkKey({ provider: 'aggregator', baseUrl: ORIGIN, key: 'sk-test-123456', fetch: answering });
    const sentence = `${ORIGIN} rejected this key (HTTP 401). Check that you copied all of it.`;
    expect(r.verdict).toBe('rejected');
    expect(r.message).toBe(`${sentence} The provider said: “invalid token”`);
    expect(r.code).toBe('api.keyCheck.rejected');
    expect(englishOf(r)).toBe(sentence);
    expect(chineseOf(r)).toBe(`${ORIGIN} 拒绝了此密钥（HTTP 401）。请确认密钥已完整复制。`);
    expect(r.providerWords).toBe('invalid token');
    expect(paramWords(r.params)).not.toContain('invalid token');
  });

  it('a key check that cannot reach the provider names the reason in Chinese too', async () => {
    const refused = (() => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }))) as typeof fetch;
    const r = await checkKey({ provider: 'aggregator', baseUrl: ORIGIN, key: 'sk-test-123456', fetch: refused });
    expect(r.message).toBe(`Couldn't check the key with ${ORIGIN} (${HOST} refused the connection). Saving it still works offline; it will be checked on the next Generate.`);
    expect(englishOf(r)).toBe(r.message);
    expect(chineseOf(r)).toContain(`${HOST} 拒绝了连接`);
  });

  it.each([
    ['submit', 401, { error: { message: '无效的令牌' } }],
    ['submit', 401, { error: { message: '该令牌额度已用尽' } }],
    ['submit', 403, { error: { message: '用户已被封禁' } }],
    ['submit', 403, { error: { message: '您的 IP 不在令牌允许访问的列表中' } }],
    ['submit', 403, { error: { message: 'group default has no access to model veo3' } }],
    ['submit', 413, { message: 'too large' }],
    ['submit', 429, { error: { message: 'upstream saturated' } }],
    ['submit', 429, { error: { message: 'slow down' } }],
    ['submit', 503, { error: { message: '无可用渠道', code: 'model_not_found' } }],
    ['submit', 500, { detail: 'boom', error_type: 'internal_server_error' }],
    ['result', 503, { detail: 'down' }],
    ['status', 401, { error: { message: 'invalid token' } }],
    ['status', 403, { error: { message: 'no access' } }],
    ['status', 503, { error: { message: 'no available channel' } }],
    ['status', 404, { detail: 'gone' }],
    ['submit', 404, {}],
    ['submit', 400, {}],
  ] as const)('%s HTTP %i: the English message is the coded sentence plus the quoted words, the Chinese has no English', (op, status, body) => {
    const err = classifyHttpFailure({ op, status, headers: new Headers(), bodyText: JSON.stringify(body), attempts: 2, requestId: 'req-1', sentBytes: op === 'submit' ? 1_500_000 : undefined });
    const quote = err.providerWords === undefined ? '' : ` The provider said: “${err.providerWords}”`;
    expect(err.message).toBe(englishOf(err) + quote);
    chineseOf(err);
    if (err.providerWords !== undefined) expect(paramWords(err.params)).not.toContain(err.providerWords);
  });

  it('a balance the provider does not report says why in both languages', async () => {
    const notFound = (() => Promise.resolve(new Response('{"error":{"message":"not here"}}', { status: 404 }))) as typeof fetch;
    const info = await fetchBalance({ provider: 'aggregator', baseUrl: ORIGIN, getKey: () => Promise.resolve('sk-test-123456'), fetch: notFound });
    expect(info.reason).toBe('The provider does not report a balance (billing/subscription answered HTTP 404).');
    const coded = { code: info.reasonCode, params: info.reasonParams };
    expect(englishOf(coded)).toBe(info.reason);
    expect(chineseOf(coded)).toBe('服务商不提供余额信息（billing/subscription 返回 HTTP 404）。');
  });
});
