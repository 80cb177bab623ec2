import { describe, expect, it } from 'vitest';
import type { JobRecord, JobState } from '../../../shared/domain';
import { describeFinishedJob, JobActivity, PROGRESS_INDETERMINATE, PROGRESS_NONE } from '../../../electron/main/job-activity';

function record(id: string, state: JobState, extra: Partial<JobRecord> = {}): JobRecord {
  return {
    id,
    state,
    params: { model: 'fal-ai/veo3/image-to-video', prompt: 'A fox runs through fresh snow at dawn', aspectRatio: 'auto', duration: '8s', resolution: '720p', generateAudio: true },
    input: { kind: 'url', url: 'https://example.com/fox.png' },
    provider: 'simulator',
    apiBase: 'http://127.0.0.1:0',
    logs: [],
    favourite: false,
    cancelRequested: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

describe('JobActivity', () => {
  it('is idle with no active jobs', () => {
    expect(new JobActivity([record('done', 'completed')]).summary()).toEqual({ activeCount: 0, progress: PROGRESS_NONE });
  });

  it('is indeterminate while jobs wait on the server, counting resumed ones', () => {
    const a = new JobActivity([record('resumed', 'queued')]);
    a.update(record('new', 'submitting'));
    expect(a.summary()).toEqual({ activeCount: 2, progress: PROGRESS_INDETERMINATE });
  });

  it('shows the average of the downloads whose size is known', () => {
    const a = new JobActivity();
    a.update(record('a', 'queued'));
    a.update(record('b', 'queued'));
    a.progress({ id: 'a', state: 'downloading', elapsedMs: 1, latestLogs: [], download: { receivedBytes: 50, totalBytes: 100 } });
    a.progress({ id: 'b', state: 'downloading', elapsedMs: 1, latestLogs: [], download: { receivedBytes: 100, totalBytes: 100 } });
    expect(a.summary()).toEqual({ activeCount: 2, progress: 0.75 });
    a.progress({ id: 'b', state: 'downloading', elapsedMs: 1, latestLogs: [], download: { receivedBytes: 10 } });
    expect(a.summary().progress).toBe(0.5);
  });

  it('reports a job finishing exactly once, and never a cancelled one', () => {
    const a = new JobActivity([record('old', 'downloading')]);
    expect(a.update(record('old', 'completed'))).toMatchObject({ kind: 'completed', record: { id: 'old' } });
    expect(a.update(record('old', 'completed', { favourite: true }))).toBeUndefined();
    a.update(record('x', 'running'));
    expect(a.update(record('x', 'cancelled'))).toBeUndefined();
    a.update(record('y', 'submitting'));
    expect(a.update(record('y', 'failed'))).toMatchObject({ kind: 'failed' });
    expect(a.summary()).toEqual({ activeCount: 0, progress: PROGRESS_NONE });
  });

  it('does not report jobs it never saw running (an old record re-saved)', () => {
    const a = new JobActivity();
    expect(a.update(record('unknown', 'completed'))).toBeUndefined();
  });

  it('ignores a late progress tick after a job ended', () => {
    const a = new JobActivity([record('a', 'downloading')]);
    a.update(record('a', 'completed'));
    a.progress({ id: 'a', state: 'downloading', elapsedMs: 1, latestLogs: [], download: { receivedBytes: 1, totalBytes: 2 } });
    expect(a.summary()).toEqual({ activeCount: 0, progress: PROGRESS_NONE });
  });

  it('forgets deleted jobs', () => {
    const a = new JobActivity([record('a', 'queued')]);
    a.forget('a');
    expect(a.summary().activeCount).toBe(0);
  });
});

describe('describeFinishedJob', () => {
  it('names the prompt when a video is ready', () => {
    expect(describeFinishedJob({ kind: 'completed', record: record('a', 'completed') }, 'en')).toEqual({
      title: 'Your video is ready',
      body: 'A fox runs through fresh snow at dawn',
    });
  });

  it('gives the reason and a shortened prompt on failure', () => {
    const long = record('a', 'failed', {
      params: { ...record('a', 'failed').params, prompt: `${'snow '.repeat(40)}end` },
      error: { kind: 'content_policy', message: 'The prompt was flagged by the content policy.' },
    });
    const text = describeFinishedJob({ kind: 'failed', record: long }, 'en');
    expect(text.title).toBe('Video generation failed');
    expect(text.body.startsWith('The prompt was flagged by the content policy.\nsnow snow')).toBe(true);
    expect(text.body.split('\n')[1]?.length).toBeLessThanOrEqual(90);
    expect(text.body.endsWith('…')).toBe(true);
  });
});

describe('describeFinishedJob in Chinese', () => {
  it('says the video is ready in Chinese, the prompt as the user typed it', () => {
    expect(describeFinishedJob({ kind: 'completed', record: record('a', 'completed') }, 'zh-CN')).toEqual({
      title: '视频已生成',
      body: 'A fox runs through fresh snow at dawn',
    });
  });

  it('renders a coded failure reason in Chinese, and keeps the words of one without a code', () => {
    const coded = record('a', 'failed', { error: { kind: 'unknown', code: 'desktop.notify.failedReason', message: 'The job failed.' } });
    const text = describeFinishedJob({ kind: 'failed', record: coded }, 'zh-CN');
    expect(text.title).toBe('视频生成失败');
    expect(text.body).toBe('任务失败。\nA fox runs through fresh snow at dawn');
    const plain = record('a', 'failed', { error: { kind: 'unknown', message: 'Server said no.' } });
    expect(describeFinishedJob({ kind: 'failed', record: plain }, 'zh-CN').body.split('\n')[0]).toBe('Server said no.');
  });
});
