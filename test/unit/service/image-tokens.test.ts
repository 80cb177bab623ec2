import { describe, expect, it } from 'vitest';
import { ImageTokenStore } from '../../../electron/core/service/image-tokens';

const img = (n: number) => ({ url: `https://example.com/${n}.png` });

describe('ImageTokenStore', () => {
  it('hands out distinct, unguessable tokens and returns what was stored', () => {
    const store = new ImageTokenStore();
    const a = store.add(img(1));
    const b = store.add(img(2));
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(store.get(a)).toEqual(img(1));
    expect(store.get(a)).toEqual(img(1)); // re-usable (Retry)
    expect(store.get('made-up')).toBeUndefined();
  });

  it('forgets a token after discard', () => {
    const store = new ImageTokenStore();
    const t = store.add(img(1));
    store.discard(t);
    expect(store.get(t)).toBeUndefined();
    store.discard(t); // twice is harmless
  });

  it('expires tokens idle for longer than the TTL; using one keeps it alive', () => {
    let now = 0;
    const store = new ImageTokenStore({ ttlMs: 1000, now: () => now });
    const kept = store.add(img(1));
    const idle = store.add(img(2));
    now = 900;
    expect(store.get(kept)).toBeDefined();
    now = 1500;
    expect(store.get(idle)).toBeUndefined();
    expect(store.get(kept)).toBeDefined();
    now = 2600;
    expect(store.get(kept)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('evicts the least recently used picture beyond the limit', () => {
    const store = new ImageTokenStore({ maxEntries: 3 });
    const [a, b, c] = [store.add(img(1)), store.add(img(2)), store.add(img(3))];
    store.get(a); // a is now the most recent; b the least
    const d = store.add(img(4));
    expect(store.get(b)).toBeUndefined();
    for (const t of [a, c, d]) expect(store.get(t)).toBeDefined();
    expect(store.size).toBe(3);
  });
});
