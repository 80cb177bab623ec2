// Issue 15: the Library speaks the current language outside React too — the toasts its stores
// push (deletion with Undo, export/import, sidecar restore), the Cost line and the log's times —
// and English stays word for word what it was.
import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeInput, SummaryPage } from '../../shared/contract';
import type { JobRecord } from '../../shared/domain';
import { toSummary } from '../../shared/job-summary';
import { createStores } from '../../renderer/stores';
import { setCurrentLocale } from '../../renderer/i18n/intl';
import { describeCost } from '../../renderer/features/library/LibraryDetail';
import { timeOf } from '../../renderer/features/library/JobLog';
import { restoreFromSidecar } from '../../renderer/stores/sidecar-restore';
import { makeJobRecord } from '../support/records';
import { createFakeApi, fail, ok } from './fake-api';

afterEach(() => setCurrentLocale('en'));

function libraryOf(count: number) {
  const records: JobRecord[] = Array.from({ length: count }, (_, i) =>
    makeJobRecord({ state: 'completed', createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), params: { prompt: `take ${i}` } }),
  );
  const fake = createFakeApi({
    'library:summaries': (q: InvokeInput<'library:summaries'>) => {
      const offset = q.offset ?? 0;
      return ok<SummaryPage>({ items: records.slice(offset, offset + (q.limit ?? records.length)).map(toSummary), total: records.length });
    },
    'library:get': ({ id }) => ok(records.find((r) => r.id === id) ?? null),
    'library:delete': ({ id }) => (id === 'gone' ? fail('not_found', 'No such job.') : ok(undefined)),
  });
  return { fake, stores: createStores(fake.api), records };
}

describe('the Library in 简体中文', () => {
  it('a deletion toast and its Undo read Chinese; nothing to undo says so in Chinese', async () => {
    setCurrentLocale('zh-CN');
    const { stores, records } = libraryOf(3);
    const { library, toasts } = stores;
    await library.getState().refresh();
    await library.getState().removeMany(records.map((r) => r.id));
    const toast = toasts.getState().toasts.at(-1)!;
    expect(toast.title).toBe('已删除3个任务');
    expect(toast.action?.label).toBe('撤销');

    library.setState({ lastDeletion: undefined });
    await library.getState().undoLastDelete();
    expect(toasts.getState().toasts.at(-1)).toMatchObject({ title: '没有可撤销的操作', message: '没有等待恢复的已删除任务。' });
  });

  it('English keeps its words: one deletion is "Job deleted", several "N jobs deleted"', async () => {
    const { stores, records } = libraryOf(2);
    await stores.library.getState().refresh();
    await stores.library.getState().remove(records[0]!.id);
    expect(stores.toasts.getState().toasts.at(-1)!.title).toBe('Job deleted');
    expect(stores.toasts.getState().toasts.at(-1)!.action?.label).toBe('Undo');
  });

  it('export and import results, progress and failures read Chinese', async () => {
    setCurrentLocale('zh-CN');
    const { fake, stores } = libraryOf(0);
    fake.handle('library:exportPick', () => ok({ exported: 2, dest: '/x/out', problems: ['a: gone'] }));
    await stores.portable.getState().exportAll();
    expect(stores.toasts.getState().toasts.at(-1)).toMatchObject({ title: '已将2个任务导出到 /x/out', message: '有1个任务未能包含在内。' });

    fake.handle('library:importPick', () => ok({ imported: 4, skipped: 1, problems: [] }));
    await stores.portable.getState().importLibrary();
    expect(stores.toasts.getState().toasts.at(-1)!.title).toBe('已导入4个，跳过1个已在作品库中的任务');

    fake.handle('library:importPick', () => fail('failed', 'The folder is not a Veo Studio export.'));
    await stores.portable.getState().importLibrary();
    expect(stores.toasts.getState().toasts.at(-1)!.title).toBe('导入失败');
  });

  it('restoring a sidecar without a file name names no English word', async () => {
    setCurrentLocale('zh-CN');
    const { fake, stores } = libraryOf(0);
    fake.handle('sidecar:open', () => ok({ params: makeJobRecord().params }));
    expect(await restoreFromSidecar({ api: fake.api, create: stores.create, toasts: stores.toasts }, { kind: 'path', path: '/a.json' })).toBe(true);
    expect(stores.toasts.getState().toasts.at(-1)).toMatchObject({ title: '设置已恢复', message: '已从附属文件载入。' });
  });

  it('the Cost line names the provider and the amount in each language', () => {
    const record = { provider: 'aggregator' as const };
    expect(describeCost('en', { status: 'charged', usd: 3.2 }, record)).toBe('$3.20 · charged by Aggregator');
    expect(describeCost('zh-CN', { status: 'charged', usd: 3.2 }, record)).toBe('US$3.20 · 由聚合服务扣费');
    expect(describeCost('en', { status: 'free', usd: 0.8 }, { provider: 'simulator' })).toBe('free — would cost $0.80 (simulator)');
    expect(describeCost('zh-CN', { status: 'not_sent', usd: 0 }, record)).toBe('未扣费：请求从未到达服务');
  });

  it('log times follow the language; a bad timestamp shows nothing', () => {
    const at = '2026-03-01T15:04:05Z';
    const hour = new Date(at).getHours();
    expect(timeOf('en', at)).toMatch(hour >= 12 ? /PM$/ : /AM$/);
    expect(timeOf('zh-CN', at)).not.toMatch(/AM|PM/);
    expect(timeOf('zh-CN', 'not a time')).toBe('');
  });
});
