// Finding 9: Shift+click on a card's checkbox ticks the range from the card ticked last, and
// deleting the ticked cards (the Delete key, like "Delete selected") is one deletion with one Undo.
import { describe, expect, it } from 'vitest';
import type { InvokeInput, SummaryPage } from '../../shared/contract';
import { toSummary } from '../../shared/job-summary';
import { createStores } from '../../renderer/stores';
import { clickCheck, deleteChecked } from '../../renderer/features/library/selection-actions';
import { makeJobRecord } from '../support/records';
import { createFakeApi, memoryStorage, ok } from './fake-api';

function libraryOf(count: number) {
  const records = Array.from({ length: count }, (_, i) =>
    makeJobRecord({ state: 'completed', createdAt: new Date(Date.UTC(2026, 0, 1, 0, count - i)).toISOString(), params: { prompt: `take ${i}` } }),
  );
  const fake = createFakeApi({
    'library:summaries': (q: InvokeInput<'library:summaries'>) => {
      const offset = q.offset ?? 0;
      return ok<SummaryPage>({ items: records.slice(offset, offset + (q.limit ?? records.length)).map(toSummary), total: records.length });
    },
    'library:delete': ({ id }) => {
      records.splice(records.findIndex((r) => r.id === id), 1);
      return ok(undefined);
    },
  });
  const stores = createStores(fake.api, { storage: memoryStorage() });
  return { stores, ids: records.map((r) => r.id) };
}

describe('ticking cards', () => {
  it('Shift+click ticks every card between the last one ticked and this one, either way', async () => {
    const { stores, ids } = libraryOf(6);
    await stores.library.getState().refresh();
    clickCheck(stores.library, stores.portable, ids[1]!, false);
    clickCheck(stores.library, stores.portable, ids[4]!, true);
    expect([...stores.portable.getState().checked].sort()).toEqual(ids.slice(1, 5).sort());
    clickCheck(stores.library, stores.portable, ids[0]!, true);
    expect([...stores.portable.getState().checked].sort()).toEqual(ids.slice(0, 5).sort());
  });

  it('a plain click toggles one card only', async () => {
    const { stores, ids } = libraryOf(3);
    await stores.library.getState().refresh();
    clickCheck(stores.library, stores.portable, ids[0]!, false);
    clickCheck(stores.library, stores.portable, ids[2]!, false);
    expect(stores.portable.getState().checked).toEqual([ids[0], ids[2]]);
  });

  it('deleting the ticked cards is one deletion: one toast, one Undo, the ticks cleared', async () => {
    const { stores, ids } = libraryOf(4);
    await stores.library.getState().refresh();
    stores.portable.getState().checkAll([ids[0]!, ids[3]!]);
    await deleteChecked(stores.library, stores.portable);
    expect(stores.library.getState().total).toBe(2);
    expect(stores.library.getState().lastDeletion?.ids).toEqual([ids[0], ids[3]]);
    expect(stores.toasts.getState().toasts.map((t) => t.title)).toEqual(['2 jobs deleted']);
    expect(stores.portable.getState().checked).toEqual([]);
  });
});
