import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/core/api/errors';
import { authorizationValue, resolveAuthorization } from '../../../electron/core/api/providers';
import { parseApiBase, rebaseUrl, requestIdFromUrl, streamUrlFor, urlOnBase, withLogs } from '../../../electron/core/api/rebase';
import { assertKeyMayGoTo } from '../../../electron/core/api/transport';

const FAL = 'https://queue.fal.run/fal-ai/veo3/requests/abc';

describe('parseApiBase', () => {
  it('splits origin and prefix, ignoring trailing slashes', () => {
    expect(parseApiBase('https://api.chainhub.tech')).toEqual({ origin: 'https://api.chainhub.tech', prefix: '' });
    expect(parseApiBase('https://api.chainhub.tech/')).toEqual({ origin: 'https://api.chainhub.tech', prefix: '' });
    expect(parseApiBase('http://127.0.0.1:8080/v1/fal/')).toEqual({ origin: 'http://127.0.0.1:8080', prefix: '/v1/fal' });
  });
  it('rejects non-http URLs and URLs carrying credentials, without echoing them', () => {
    expect(() => parseApiBase('ftp://x')).toThrow(ApiError);
    expect(() => parseApiBase('not a url')).toThrow(/not a valid http/);
    const err = (() => {
      try {
        parseApiBase('https://user:hunter2@example.com');
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect(err?.kind).toBe('validation');
    expect(err?.message).not.toContain('hunter2');
  });
});

describe('rebaseUrl', () => {
  it('moves queue.fal.run URLs onto the configured origin, keeping path and query', () => {
    const base = parseApiBase('https://api.chainhub.tech');
    expect(rebaseUrl(`${FAL}/status?logs=1`, base)).toBe('https://api.chainhub.tech/fal-ai/veo3/requests/abc/status?logs=1');
    expect(rebaseUrl(`${FAL}#frag`, base)).toBe('https://api.chainhub.tech/fal-ai/veo3/requests/abc');
  });
  it('adds the base prefix unless the returned path already starts with it (whole segments)', () => {
    const base = parseApiBase('http://gw.local:9/v1/fal');
    expect(rebaseUrl(`${FAL}/cancel`, base)).toBe('http://gw.local:9/v1/fal/fal-ai/veo3/requests/abc/cancel');
    expect(rebaseUrl('https://other.example/v1/fal/fal-ai/veo3/requests/abc', base)).toBe('http://gw.local:9/v1/fal/fal-ai/veo3/requests/abc');
    expect(rebaseUrl('https://other.example/v1/falcon/x', base)).toBe('http://gw.local:9/v1/fal/v1/falcon/x');
  });
  it('resolves relative URLs against the base and is idempotent', () => {
    const base = parseApiBase('https://api.chainhub.tech/p');
    const once = rebaseUrl('/fal-ai/veo3/requests/abc/status', base);
    expect(once).toBe('https://api.chainhub.tech/p/fal-ai/veo3/requests/abc/status');
    expect(rebaseUrl(once, base)).toBe(once);
  });
  it('builds submit URLs under the prefix', () => {
    expect(urlOnBase(parseApiBase('https://h.example/a/'), '/fal-ai/veo3/image-to-video')).toBe('https://h.example/a/fal-ai/veo3/image-to-video');
  });
});

describe('URL helpers', () => {
  it('finds the request id in queue URLs', () => {
    expect(requestIdFromUrl(`${FAL}/status`)).toBe('abc');
    expect(requestIdFromUrl('https://x.example/nothing')).toBeUndefined();
    expect(requestIdFromUrl('garbage')).toBeUndefined();
  });
  it('derives stream and status URLs without losing existing query parameters', () => {
    expect(streamUrlFor(`${FAL}/status?logs=1`)).toBe(`${FAL}/status/stream?logs=1`);
    expect(streamUrlFor(`${FAL}/status?x=2`)).toBe(`${FAL}/status/stream?x=2&logs=1`);
    expect(withLogs(`${FAL}/status`)).toBe(`${FAL}/status?logs=1`);
  });
});

describe('key origin guard and auth headers', () => {
  const base = parseApiBase('https://api.chainhub.tech/prefix');
  it('allows only the configured origin', () => {
    expect(() => assertKeyMayGoTo('https://api.chainhub.tech/anything', [base.origin])).not.toThrow();
    for (const url of [FAL, 'http://api.chainhub.tech/x', 'https://api.chainhub.tech:8443/x', 'https://evil.example/', 'nonsense']) {
      expect(() => assertKeyMayGoTo(url, [base.origin])).toThrow(/Refused to send the API key/);
    }
  });
  it('uses Bearer for the aggregator and simulator, Key for fal', () => {
    expect(authorizationValue('aggregator', 'k1')).toBe('Bearer k1');
    expect(authorizationValue('simulator', 'k1')).toBe('Bearer k1');
    expect(authorizationValue('fal', 'k1')).toBe('Key k1');
  });
  it('needs a key for real providers but not the simulator', async () => {
    await expect(resolveAuthorization('simulator', async () => null)).resolves.toBe('Bearer simulator');
    for (const p of ['aggregator', 'fal'] as const) {
      const err = await resolveAuthorization(p, async () => '  ').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).kind).toBe('auth');
      expect((err as ApiError).message).toMatch(/Settings.*npm run cli -- key set/);
    }
  });
});
