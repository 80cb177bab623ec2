// Issue 15: a failure reads in the user's language — title, sentence (from the core's code) and the
// "Show details" facts — while the provider's own words stay exactly as they came, apart from ours.
import { describe, expect, it } from 'vitest';
import type { JobError } from '../../shared/domain';
import { formatMessage } from '../../shared/i18n/messages';
import { describeIpcError, describeJobError } from '../../renderer/api/errors';
import { createToastStore } from '../../renderer/stores/toast-store';

// Any catalog code stands in for the core's content-policy sentence (the core engineers pick theirs).
const blocked: JobError = {
  kind: 'content_policy',
  message: 'The prompt was blocked by the content policy.',
  code: 'common.thatDidNotWork',
  providerWords: '内容不符合安全策略 (content_policy_violation)',
  httpStatus: 422,
  requestId: 'req-123',
};

describe('job errors in two languages', () => {
  it('a coded content-policy error reads Chinese in zh-CN, the provider words kept separate', () => {
    const zh = describeJobError(blocked, 'zh-CN');
    expect(zh.title).toBe('被内容政策拦截');
    expect(zh.message).toBe(formatMessage('zh-CN', 'common.thatDidNotWork'));
    expect(zh.details).toContain('请求 ID：req-123');
    expect(zh.providerWords).toBe(blocked.providerWords);
    expect(zh.message).not.toContain(blocked.providerWords);
  });

  it('the same error reads English in en', () => {
    const en = describeJobError(blocked, 'en');
    expect(en.title).toBe('Blocked by the content policy');
    expect(en.message).toBe('That did not work');
    expect(en.details).toContain('Request id: req-123');
    expect(en.providerWords).toBe(blocked.providerWords);
  });

  it('an error with no code keeps its English sentence; an unknown code too', () => {
    expect(describeJobError({ kind: 'auth', message: 'The API key was rejected (HTTP 401)' }, 'zh-CN').message).toBe('The API key was rejected (HTTP 401)');
    expect(describeJobError({ kind: 'auth', message: 'Stored words', code: 'core.fromTheFuture' }, 'zh-CN').message).toBe('Stored words');
  });

  it('an IPC error renders its own code, and the default title is translated', () => {
    const error = { kind: 'failed' as const, message: 'English words', code: 'common.somethingWentWrong' };
    expect(describeIpcError(error, undefined, 'zh-CN')).toEqual({ title: '操作未成功', message: '出了点问题，请再试一次。' });
    expect(describeIpcError(error, undefined, 'en').title).toBe('That did not work');
  });

  it('a failure toast carries the provider words to its ErrorDetails', () => {
    const toasts = createToastStore();
    toasts.getState().error(describeJobError(blocked, 'zh-CN'));
    expect(toasts.getState().toasts[0]).toMatchObject({ title: '被内容政策拦截', providerWords: blocked.providerWords });
  });
});
