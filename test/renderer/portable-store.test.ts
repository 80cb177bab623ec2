// The portable-library store: checking cards, the native picker first, the typed-path form when
// there is none, and the result toasts people read.
import { describe, expect, it } from 'vitest';
import { createStores } from '../../renderer/stores';
import { createFakeApi, fail, ok } from './fake-api';

function setup() {
  const fake = createFakeApi({ 'library:list': () => ok({ items: [], total: 0 }) });
  const stores = createStores(fake.api);
  return { fake, stores, portable: stores.portable, toasts: stores.toasts };
}

describe('portable store', () => {
  it('toggles and checks all without duplicates; leaving Select mode clears the checks', () => {
    const { portable } = setup();
    portable.getState().toggle('a');
    portable.getState().checkAll(['a', 'b', 'c']);
    expect(portable.getState()).toMatchObject({ selecting: true, checked: ['a', 'b', 'c'] });
    portable.getState().toggle('b');
    expect(portable.getState().checked).toEqual(['a', 'c']);
    portable.getState().setSelecting(false);
    expect(portable.getState()).toMatchObject({ selecting: false, checked: [] });
  });

  it('uses the native picker when there is one, and says nothing when it is cancelled', async () => {
    const { fake, portable, toasts } = setup();
    fake.handle('library:exportPick', () => ok(null));
    await portable.getState().exportAll();
    expect(fake.callsTo('library:exportPick')).toEqual([{}]);
    expect(toasts.getState().toasts).toEqual([]);
    expect(portable.getState().folderPrompt).toBeUndefined();

    fake.handle('library:exportPick', () => ok({ exported: 2, dest: '/x/out', problems: [] }));
    portable.getState().checkAll(['a', 'b']);
    await portable.getState().exportSelection();
    expect(fake.callsTo('library:exportPick').at(-1)).toEqual({ ids: ['a', 'b'] });
    expect(toasts.getState().toasts.map((t) => t.title)).toEqual(['Exported 2 jobs to /x/out']);
    expect(portable.getState().checked).toEqual([]);
  });

  it('falls back to a typed folder when the face has no picker; a refused path keeps the form open', async () => {
    const { fake, portable, toasts } = setup();
    fake.handle('library:importPick', () => fail('unsupported', 'no picker'));
    await portable.getState().importLibrary();
    expect(portable.getState().folderPrompt).toEqual({ purpose: 'import' });

    fake.handle('library:import', ({ src }) => (src === '/good' ? ok({ imported: 2, skipped: 1, problems: [] }) : fail('failed', `The folder ${src} does not exist.`)));
    expect(await portable.getState().submitFolder('/bad')).toBe(false);
    expect(portable.getState().folderPrompt).toEqual({ purpose: 'import' });
    expect(toasts.getState().toasts.at(-1)).toMatchObject({ tone: 'error', message: 'The folder /bad does not exist.' });

    expect(await portable.getState().submitFolder('/good')).toBe(true);
    expect(portable.getState().folderPrompt).toBeUndefined();
    expect(toasts.getState().toasts.at(-1)).toMatchObject({ tone: 'success', title: 'Imported 2, skipped 1 already in the library' });
    expect(portable.getState().busy).toBe(false);
  });

  it('lists the jobs that could not be included', async () => {
    const { fake, portable, toasts } = setup();
    fake.handle('library:exportPick', () => fail('unsupported', 'no picker'));
    fake.handle('library:export', () => ok({ exported: 1, dest: '/out', problems: ['Job x was not exported: the file is missing.'] }));
    await portable.getState().exportAll();
    expect(portable.getState().folderPrompt).toEqual({ purpose: 'export' });
    await portable.getState().submitFolder('/out');
    expect(fake.callsTo('library:export')).toEqual([{ dest: '/out' }]);
    expect(toasts.getState().toasts.at(-1)).toMatchObject({
      tone: 'error',
      title: 'Exported 1 job to /out',
      details: 'Job x was not exported: the file is missing.',
    });
  });
});
