// Issue 15: the Jobs panel, Compare and the frame tools speak 简体中文 as well as English — state words,
// take tags, failure actions, toasts from the stores, Compare's settings table, frame-capture errors,
// and the provider's own words about a failure, marked as theirs.
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGS, renderMessage } from '../../shared/i18n/messages';
import type { Locale } from '../../shared/i18n/locales';
import { FAILURE_FIX_LABELS, failureFixLabel, statusLabel } from '../../shared/job-outcome';
import { jobTag } from '../../shared/job-tag';
import { setCurrentLocale } from '../../renderer/i18n/intl';
import { createStores } from '../../renderer/stores';
import { jobStateLabel } from '../../renderer/stores/jobs-store';
import { lateCancelNote } from '../../renderer/features/jobs/late-cancel';
import { ProviderWords } from '../../renderer/components/ProviderWords';
import { settingsDiffRows } from '../../renderer/features/compare/SettingsDiff';
import { FrameError } from '../../renderer/features/frames/capture-frame';
import type { JobRecord } from '../../shared/domain';
import { makeJobRecord } from '../support/records';
import { createFakeApi, fail, memoryStorage } from './fake-api';

afterEach(() => setCurrentLocale('en'));

describe('job words in 简体中文', () => {
  it('names states, the paused state and the waiting slot', () => {
    expect(statusLabel({ state: 'running' }, 'zh-CN')).toBe('生成中');
    expect(statusLabel({ state: 'running', error: { kind: 'auth' } }, 'zh-CN')).toBe('需要处理');
    expect(jobStateLabel(makeJobRecord({ state: 'submitting' }), 'zh-CN')).toBe('等待中');
    expect(jobStateLabel(makeJobRecord({ state: 'queued' }), 'zh-CN')).toBe('排队中');
    // English stays what it was (and is the default).
    expect(statusLabel({ state: 'running' })).toBe('running');
  });

  it('tags a take in Chinese, keeping the model name', () => {
    const tagged = { params: { model: 'fal-ai/veo3/fast/image-to-video' }, shotId: 's1', take: 2 };
    expect(jobTag(tagged, 4, 'zh-CN')).toBe('Veo 3 Fast · 第2/4条');
    expect(jobTag(tagged, 4)).toBe('Veo 3 Fast · Take 2/4');
  });

  it('labels failure actions in Chinese while the CLI table stays English', () => {
    expect(FAILURE_FIX_LABELS.edit_settings).toBe('Edit & retry');
    expect(FAILURE_FIX_LABELS.retry).toBe('Retry');
    expect(failureFixLabel('replace_picture', 'zh-CN')).toBe('更换图片');
    expect(failureFixLabel('retry', 'zh-CN')).toBe('重试');
  });

  it('says a late cancel in Chinese, with the charge only for a paid provider', () => {
    const rec = (provider: JobRecord['provider']) => ({ ...makeJobRecord({ state: 'completed', provider }), cancelRequested: true });
    expect(lateCancelNote(rec('aggregator'), 'zh-CN')).toContain('已扣费');
    expect(lateCancelNote(rec('simulator'), 'zh-CN')).not.toContain('扣费');
  });

  it('marks the provider’s own words as theirs, in the page’s language', () => {
    const html = (locale: Locale) =>
      renderToStaticMarkup(
        <IntlProvider locale={locale} messages={CATALOGS[locale]}>
          <ProviderWords words="The prompt was flagged by the safety filter." />
        </IntlProvider>,
      );
    const words = '<span data-provider-words="">The prompt was flagged by the safety filter.</span>';
    expect(html('zh-CN')).toContain(`服务商原话：${words}`);
    expect(html('en')).toContain(`Provider said: ${words}`);
  });
});

describe('store toasts in 简体中文', () => {
  it('a failed cancel and a refused comparison speak the current language', async () => {
    setCurrentLocale('zh-CN');
    const fake = createFakeApi();
    fake.handle('jobs:cancel', () => fail('failed', ''));
    const stores = createStores(fake.api, { storage: memoryStorage() });
    await stores.jobs.getState().cancel('job-1');
    stores.compare.getState().startPicking(makeJobRecord({ state: 'running' }));
    const titles = stores.toasts.getState().toasts.map((t) => t.title);
    expect(titles).toEqual(expect.arrayContaining(['无法取消任务', '只能对比已完成的视频']));
  });
});

describe('Compare and frames in 简体中文', () => {
  it('labels the settings table rows and values', () => {
    const a = makeJobRecord({ params: { duration: '4s', generateAudio: true } });
    const b = makeJobRecord({ params: { duration: '8s', generateAudio: false } });
    const rows = settingsDiffRows(a, b, 'zh-CN');
    expect(rows.find((r) => r.label === '时长')).toMatchObject({ a: '4s', b: '8s', differs: true });
    expect(rows.find((r) => r.label === '音频')).toMatchObject({ a: '开', b: '关' });
    expect(rows.find((r) => r.label === '服务商')?.a).toBe('模拟器');
  });

  it('a frame that cannot be taken says why in Chinese, and in English where there is no catalog', () => {
    const error = new FrameError('frames.capture.timedOut');
    expect(error.message).toMatch(/did not show a frame in time/);
    expect(renderMessage('zh-CN', error)).toBe('视频没有及时显示画面。请先播放一次，然后重试。');
  });
});

describe('a retry note', () => {
  it('reads in the page’s language from the core’s coded note, and keeps the English without one', async () => {
    const { retryNoteSaid } = await import('../../electron/core/jobs/messages');
    const { retryNoteWords } = await import('../../renderer/features/jobs/retry-note');
    const said = retryNoteSaid({ reason: 'rate_limit', attempt: 2, maxAttempts: 5, delayMs: 2_000 });
    const progress = { retryNote: said.message, retryNoteText: { code: said.code, params: said.params } };
    expect(retryNoteWords(progress, 'zh-CN')).toMatch(/^请求过于频繁，将于 .+ 重试（第 2\/5 次）$/);
    expect(retryNoteWords(progress, 'en')).toBe(said.message);
    expect(retryNoteWords({ retryNote: 'Old core words' }, 'zh-CN')).toBe('Old core words');
  });
});
