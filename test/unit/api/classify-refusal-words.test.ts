// Red-team L4: a 403 is not always "this key may not use this model" — a CDN/firewall block page, a
// banned account and an IP allowlist each need their own advice; and a 429 that merely mentions
// "credits" is a rate limit (retried), not an exhausted balance.
import { describe, expect, it } from 'vitest';
import { classifyHttpFailure, retryReasonFor, type HttpFailure } from '../../../electron/core/api/classify';

const submitFailure = (status: number, body: string): HttpFailure => ({ op: 'submit', status, headers: new Headers(), bodyText: body, attempts: 1 });
const envelope = (message: string) => JSON.stringify({ error: { message, type: 'new_api_error', code: null } });

describe('403 says who refused and why', () => {
  it('a block page (HTML) is a firewall in front of the provider, not the key’s model rights', () => {
    const e = classifyHttpFailure(submitFailure(403, '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body></body></html>'));
    expect(e.message).not.toMatch(/may not use this model/);
    expect(e.message).toMatch(/block|firewall/i);
    expect(e.message).toContain('Attention Required! | Cloudflare');
  });

  it('a banned user', () => {
    const e = classifyHttpFailure(submitFailure(403, envelope('用户已被封禁')));
    expect(e.message).not.toMatch(/may not use this model/);
    expect(e.message).toMatch(/blocked this account or key/);
    expect(e.message).toContain('用户已被封禁');
  });

  it('an IP allowlist', () => {
    const e = classifyHttpFailure(submitFailure(403, envelope('您的 IP 不在令牌允许访问的列表中')));
    expect(e.message).not.toMatch(/may not use this model/);
    expect(e.message).toMatch(/IP address/);
  });

  it('a model the key may not use keeps its wording', () => {
    expect(classifyHttpFailure(submitFailure(403, envelope('该令牌无权使用模型：fal-ai/veo3'))).message).toMatch(/may not use this model/);
  });
});

describe('429 and the word "credits"', () => {
  const body = envelope('Rate limit reached: 10 requests per minute on the free credits tier');
  it('is a rate limit, retried, not a quota refusal', () => {
    expect(retryReasonFor('submit', 429, new Headers(), body)).toBe('rate_limit');
    expect(classifyHttpFailure(submitFailure(429, body)).kind).toBe('rate_limit');
  });
  it('while "insufficient credits" still reads as quota', () => {
    expect(classifyHttpFailure(submitFailure(403, envelope('Insufficient credits: top up to continue'))).kind).toBe('quota');
    expect(classifyHttpFailure(submitFailure(429, envelope('You have run out of credits'))).kind).toBe('quota');
  });
});

describe('413 advice (red-team L1)', () => {
  const refused = (sentBytes: number) =>
    classifyHttpFailure({ ...submitFailure(413, '<html><head><title>413 Request Entity Too Large</title></head></html>'), sentBytes }).message;
  it('never advises a limit above what was refused', () => {
    const m = refused(1_048_576);
    expect(m).toMatch(/1\.0 MB/);
    expect(m).not.toMatch(/under about 5 MB/);
    expect(m).toMatch(/smaller than that|smaller picture/);
  });
  it('says a small size in KB, not "0.0 MB"', () => {
    const m = refused(13_300);
    expect(m).toMatch(/13 KB/);
    expect(m).not.toMatch(/0\.0 MB/);
  });
});

describe('hostile provider text (red-team L6)', () => {
  it('bidi controls are dropped, so they cannot reorder our own quote marks and ellipsis', () => {
    const m = classifyHttpFailure(submitFailure(402, envelope(`\u202Eecnalab on\u202C and \u2066more\u2069 ${'x'.repeat(400)}`))).message;
    expect(m).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/);
    expect(m).toMatch(/”$/);
  });
});
