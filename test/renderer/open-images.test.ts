import { describe, expect, it, vi } from 'vitest';
import type { PreparedImageInfo } from '../../shared/contract';
import { createStores, listenForOpenedImages } from '../../renderer/stores';
import { createFakeApi, ok } from './fake-api';

const prepared = (path: string): PreparedImageInfo => ({
  token: `tok-${path}`,
  kind: 'file',
  name: path.split('/').at(-1),
  previewDataUri: 'data:image/jpeg;base64,AA==',
  warnings: [{ code: 'aspect', message: 'Will be cropped to 16:9.' }],
});

function setup() {
  const fake = createFakeApi({
    'image:prepare': (source) => (source.kind === 'path' ? ok(prepared(source.path)) : ok(prepared('other'))),
  });
  const stores = createStores(fake.api);
  return { fake, stores };
}

describe('app:openImage', () => {
  it('switches to Create and prepares the picture by path, like a file dropped in the window', async () => {
    const { fake, stores } = setup();
    stores.app.getState().setView('library');
    const off = listenForOpenedImages(fake.api, stores, 0);

    fake.emit('app:openImage', { path: '/Users/me/Pictures/fox.png' });
    expect(stores.app.getState().view).toBe('create');
    expect(stores.create.getState().intake.status).toBe('preparing');

    await expect.poll(() => stores.create.getState().images.map((i) => i.token)).toEqual(['tok-/Users/me/Pictures/fox.png']);
    expect(fake.callsTo('image:prepare')).toEqual([{ kind: 'path', path: '/Users/me/Pictures/fox.png' }]);
    expect(stores.create.getState().images[0]).toMatchObject({ previewDataUri: expect.any(String), warnings: [expect.objectContaining({ code: 'aspect' })] });
    expect(stores.create.getState().intake.status).toBe('idle');
    off();
  });

  it('takes pictures opened together as one batch (one job each), not each replacing the last', async () => {
    const { fake, stores } = setup();
    const off = listenForOpenedImages(fake.api, stores, 20);
    fake.emit('app:openImage', { path: '/p/a.png' });
    fake.emit('app:openImage', { path: '/p/b.webp' });
    fake.emit('app:openImage', { path: '/p/a.png' });

    await expect.poll(() => stores.create.getState().images.length).toBe(2);
    expect(fake.callsTo('image:prepare')).toEqual([
      { kind: 'path', path: '/p/a.png' },
      { kind: 'path', path: '/p/b.webp' },
    ]);
    expect(fake.callsTo('image:discard')).toEqual([]);
    off();
  });

  it('shows why the core refused the picture', async () => {
    const { fake, stores } = setup();
    fake.handle('image:prepare', () => ({ ok: false, error: { kind: 'invalid_input', message: 'That file is not a PNG, JPEG or WebP picture.' } }));
    const off = listenForOpenedImages(fake.api, stores, 0);
    fake.emit('app:openImage', { path: '/p/fake.png' });
    await expect.poll(() => stores.create.getState().intake).toMatchObject({ status: 'invalid', message: 'That file is not a PNG, JPEG or WebP picture.' });
    off();
  });

  it('stops listening, and drops a batch not yet taken, once unsubscribed', () => {
    vi.useFakeTimers();
    try {
      const { fake, stores } = setup();
      const off = listenForOpenedImages(fake.api, stores, 100);
      fake.emit('app:openImage', { path: '/p/a.png' });
      off();
      expect(fake.listenerCount('app:openImage')).toBe(0);
      fake.emit('app:openImage', { path: '/p/b.png' });
      vi.runAllTimers();
      expect(fake.callsTo('image:prepare')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
