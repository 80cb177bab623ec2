// The page's side of the host session: the token is read from the printed link once, taken out of
// the address bar, and kept per tab (sessionStorage is per origin *and port*, unlike cookies).
import { describe, expect, it } from 'vitest';
import { hostMediaKey, takeHostToken } from '../../renderer/api/host-session';
import { mediaUrl } from '../../renderer/api/media';
import { mediaKeyFromToken } from '../../shared/media-url';

function browser(href: string) {
  const replaced: string[] = [];
  const store = new Map<string, string>();
  const loc = { href } as Location;
  const hist = { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } as unknown as History;
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  return { loc, hist, storage, replaced, store };
}

describe('takeHostToken', () => {
  it('reads #token=…, scrubs it from the address bar (keeping the rest), and keeps it for a reload of this tab', () => {
    const b = browser('http://127.0.0.1:5000/library?q=fox#token=abc123');
    expect(takeHostToken(b.loc, b.hist, b.storage)).toBe('abc123');
    expect(b.replaced).toEqual(['/library?q=fox']);
    // The reload: no token in the link any more, the tab still has it.
    const reload = browser('http://127.0.0.1:5000/library?q=fox');
    expect(takeHostToken(reload.loc, reload.hist, b.storage)).toBe('abc123');
    expect(reload.replaced).toEqual([]);
  });

  it('accepts the query form of older links, and scrubs it too', () => {
    const b = browser('http://127.0.0.1:5000/?token=old-style');
    expect(takeHostToken(b.loc, b.hist, b.storage)).toBe('old-style');
    expect(b.replaced).toEqual(['/']);
  });

  it('signs media URLs with a key derived from the token', () => {
    const b = browser('http://127.0.0.1:5000/#token=signing-token');
    takeHostToken(b.loc, b.hist, b.storage);
    expect(hostMediaKey()).toBe(mediaKeyFromToken('signing-token'));
    expect(mediaUrl('/media', 'media/j/video.mp4')).toMatch(/^\/media\/media\/j\/video\.mp4\?e=\d+&s=[A-Za-z0-9_-]{43}$/);
  });
});
