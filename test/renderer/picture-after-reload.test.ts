// Creator round, finding 8: a reload kept the prompt but silently dropped the picture; Generate was
// disabled with "Add an image…" and nothing said why. The picture's bytes live in the core only for
// the session, so it cannot come back — but the drop zone says so, naming the file.
import { describe, expect, it } from 'vitest';
import { createStores } from '../../renderer/stores';
import { createFakeApi, memoryStorage, ok } from './fake-api';

function withPictures() {
  const fake = createFakeApi();
  fake.handle('image:prepare', (source) => ok({ token: 'tok-1', kind: 'file', name: source.kind === 'bytes' ? source.name : undefined, warnings: [] }));
  fake.handle('image:discard', () => ok(undefined));
  return fake;
}

describe('the picture after a reload', () => {
  it('is not kept, and the drop zone says so where the picture was', async () => {
    const storage = memoryStorage();
    const first = createStores(withPictures().api, { storage }).create;
    first.getState().setField('prompt', 'A heron lifts off the canal');
    await first.getState().addImages([{ kind: 'bytes', name: 'heron.jpg', base64: 'AAAA' }]);

    const reloaded = createStores(withPictures().api, { storage }).create.getState();
    expect(reloaded.images).toEqual([]);
    expect(reloaded.intake.status).toBe('notice');
    const message = reloaded.intake.status === 'notice' ? reloaded.intake.message : '';
    expect(message).toMatch(/isn.t kept across reloads/);
    expect(message).toMatch(/heron\.jpg/);
  });

  it('says nothing when there was no picture, or it was removed before the reload', async () => {
    const storage = memoryStorage();
    const first = createStores(withPictures().api, { storage }).create;
    expect(createStores(withPictures().api, { storage }).create.getState().intake.status).toBe('idle');
    await first.getState().addImages([{ kind: 'bytes', name: 'heron.jpg', base64: 'AAAA' }]);
    first.getState().clearImages();
    expect(createStores(withPictures().api, { storage }).create.getState().intake.status).toBe('idle');
  });
});
