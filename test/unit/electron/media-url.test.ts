// shared/media-url.ts and its HMAC: the one builder of library media URLs for both faces. The page
// and the host must compute the same signatures, and a URL must stay the same long enough that a
// re-render never reloads a playing <video>.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256, toBase64Url } from '../../../shared/hmac-sha256';
import { checkMediaUrl, encodeMediaPath, MAX_MEDIA_PATH, mediaKeyFromToken, mediaUrl, MEDIA_URL_WINDOW_S } from '../../../shared/media-url';
import { APP_MEDIA_BASE, APP_ORIGIN, originOf } from '../../../electron/main/app-origin';

describe('sha256 / hmacSha256 (pure, for the page)', () => {
  it('match node:crypto on every length around the block boundaries and on random input', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = randomBytes(n);
      expect(Buffer.from(sha256(bytes)).toString('hex'), `length ${n}`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 300 }), (key, message) => {
        expect(toBase64Url(hmacSha256(key, message))).toBe(createHmac('sha256', key).update(message).digest('base64url'));
      }),
    );
  });

  it('keep no state between calls: unicode, long keys and many keys interleaved still match node:crypto', () => {
    // The implementation reuses module-level buffers and remembers each key's padded state.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 90 }), fc.string({ unit: 'binary', maxLength: 700 })), { minLength: 1, maxLength: 20 }),
        (pairs) => {
          for (const [key, message] of pairs) {
            expect(toBase64Url(hmacSha256(key, message))).toBe(createHmac('sha256', key).update(message).digest('base64url'));
            expect(Buffer.from(sha256(Buffer.from(message))).toString('hex')).toBe(createHash('sha256').update(message).digest('hex'));
          }
        },
      ),
    );
  });

  it('base64url of every length, without padding', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = randomBytes(n);
      expect(toBase64Url(bytes)).toBe(bytes.toString('base64url'));
    }
  });
});

describe('mediaUrl', () => {
  it('encodes each segment so odd names cannot change the URL', () => {
    expect(encodeMediaPath('media\\job 1//thumb#1?.jpg')).toBe('media/job%201/thumb%231%3F.jpg');
  });

  it('in Electron: on the page\'s own origin, unsigned', () => {
    const url = mediaUrl(APP_MEDIA_BASE, 'media/job1/video.mp4')!;
    expect(url).toBe('app://veo/media/media/job1/video.mp4');
    expect(originOf(url)).toBe(APP_ORIGIN);
  });

  it('in the host: signed, identical for a whole window, accepted until the next one ends', () => {
    const key = mediaKeyFromToken('run-token');
    const start = Date.UTC(2026, 0, 1, 10) - (Date.UTC(2026, 0, 1, 10) % (MEDIA_URL_WINDOW_S * 1000));
    const first = mediaUrl('/media', 'media/j/video.mp4', { key, nowMs: start })!;
    expect(mediaUrl('/media', 'media/j/video.mp4', { key, nowMs: start + MEDIA_URL_WINDOW_S * 1000 - 1 })).toBe(first);
    const query = new URL(first, 'http://h').searchParams;
    const lastMoment = start + 2 * MEDIA_URL_WINDOW_S * 1000 - 1;
    expect(checkMediaUrl(key, 'media/j/video.mp4', query, start)).toBe('ok');
    expect(checkMediaUrl(key, 'media/j/video.mp4', query, lastMoment)).toBe('ok');
    expect(checkMediaUrl(key, 'media/j/video.mp4', query, lastMoment + 1)).toBe('expired');
    expect(checkMediaUrl(key, 'media/j/other.mp4', query, start)).toBe('forged');
    expect(checkMediaUrl(mediaKeyFromToken('another run'), 'media/j/video.mp4', query, start)).toBe('forged');
    expect(checkMediaUrl(key, 'media/j/video.mp4', new URLSearchParams(), start)).toBe('unsigned');
    expect(checkMediaUrl(key, 'media/j/video.mp4', new URLSearchParams('e=1e9&s=x'), start)).toBe('forged');
  });

  it('refuses a path longer than any the library names, before hashing it (a header can be a megabyte)', () => {
    const key = mediaKeyFromToken('run-token');
    const nowMs = Date.UTC(2026, 0, 1, 10);
    const at = (length: number) => `media/j/${'a'.repeat(length - 'media/j/.jpg'.length)}.jpg`;
    const check = (path: string) => checkMediaUrl(key, path, new URL(mediaUrl('/media', path, { key, nowMs })!, 'http://h').searchParams, nowMs);
    expect(check(at(MAX_MEDIA_PATH))).toBe('ok');
    // Even correctly signed: the host does not hash what is longer.
    expect(check(at(MAX_MEDIA_PATH + 1))).toBe('forged');
  });

  it('a version rides beside the signature, which still holds', () => {
    const key = mediaKeyFromToken('run-token');
    const nowMs = Date.UTC(2026, 0, 1, 10);
    const url = new URL(mediaUrl('/media', 'media/j/thumb.jpg', { key, nowMs }, '2026-11-27T23:10:00.000Z')!, 'http://h');
    expect(url.searchParams.get('v')).toBe('2026-11-27T23:10:00.000Z');
    expect(checkMediaUrl(key, 'media/j/thumb.jpg', url.searchParams, nowMs)).toBe('ok');
    expect(mediaUrl(APP_MEDIA_BASE, 'media/j/thumb.jpg', undefined, 'v1')).toBe('app://veo/media/media/j/thumb.jpg?v=v1');
  });

  it('never signs with the token itself', () => {
    const url = mediaUrl('/media', 'a.mp4', { key: mediaKeyFromToken('the-token'), nowMs: 0 })!;
    expect(url).not.toContain('the-token');
    expect(mediaKeyFromToken('the-token')).not.toBe('the-token');
  });
});
