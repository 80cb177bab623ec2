// The Library's video rules that need no browser: which picture a job shows, when a poster is made
// (once, newest wish first, bounded), how hover maps to time, J/K/L and frame stepping.
import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/contract';
import type { JobRecord } from '../../shared/domain';
import { toSummary } from '../../shared/job-summary';
import { DEFAULT_POSTER_FRACTION, defaultPosterTime, posterFileName, POSTER_FILE_PATTERN } from '../../shared/poster';
import { hasVideo, jobPictures, jobVideoUrl, needsPoster } from '../../renderer/features/library/job-media';
import { frameIndexAt, frameStepTarget, nextShuttle, PAUSED, playerKeyOf } from '../../renderer/features/library/player-controls';
import { MISSING_POSTER_EVENT, missingPosters, PosterMaker, reportMissingPoster, type DrawnPoster } from '../../renderer/features/library/poster-maker';
import { scrubFraction, scrubTime } from '../../renderer/features/library/scrub';
import { makeJobRecord } from '../support/records';

const finished = (overrides: Partial<JobRecord> = {}): JobRecord => makeJobRecord({ videoPath: 'media/x/video.mp4', ...overrides });

describe('which picture a job shows', () => {
  it('its poster when it has one, with the input picture behind it; the input picture until then', () => {
    const job = finished({ id: 'j1', posterPath: 'media/j1/poster-0.833.jpg' });
    expect(jobPictures(job, '/media')).toEqual({ src: '/media/media/j1/poster-0.833.jpg', fallbackSrc: '/media/media/j1/thumb.jpg' });
    expect(jobPictures(toSummary(job), '/media')).toEqual(jobPictures(job, '/media'));
    const { posterPath: _p, ...without } = job;
    expect(jobPictures(without, '/media')).toEqual({ src: '/media/media/j1/thumb.jpg' });
  });

  it('an imported job names its files with its import time: media changed under the same paths is fetched anew', () => {
    const job = finished({ id: 'j1', posterPath: 'media/j1/poster-0.833.jpg' });
    const imported = toSummary({ ...job, importedAt: '2026-11-27T23:10:00.000Z' });
    const v = `v=${encodeURIComponent('2026-11-27T23:10:00.000Z')}`;
    expect(jobPictures(imported, '/media')).toEqual({ src: `/media/media/j1/poster-0.833.jpg?${v}`, fallbackSrc: `/media/media/j1/thumb.jpg?${v}` });
    expect(jobVideoUrl(imported, '/media')).toBe(`/media/media/x/video.mp4?${v}`);
    // Imported again (after a delete): new URLs again.
    expect(jobPictures(toSummary({ ...job, importedAt: '2026-11-28T08:00:00.000Z' }), '/media').src).not.toBe(jobPictures(imported, '/media').src);
  });

  it('without the fallback (a grid card until its poster fails to load): only the poster, or the input picture when there is none', () => {
    const job = finished({ id: 'j1', posterPath: 'media/j1/poster-0.833.jpg' });
    expect(jobPictures(job, '/media', { fallback: false })).toEqual({ src: '/media/media/j1/poster-0.833.jpg' });
    const { posterPath: _p, ...without } = job;
    expect(jobPictures(without, '/media', { fallback: false })).toEqual({ src: '/media/media/j1/thumb.jpg' });
  });

  it('only a finished job with a video plays, shows a length or needs a poster', () => {
    expect(hasVideo(finished())).toBe(true);
    expect(needsPoster(finished())).toBe(true);
    expect(needsPoster(finished({ posterPath: 'media/x/poster-0.000.jpg' }))).toBe(false);
    for (const state of ['failed', 'cancelled', 'running', 'downloading'] as const) {
      expect(hasVideo(finished({ state })), state).toBe(false);
      expect(needsPoster(finished({ state })), state).toBe(false);
    }
    expect(hasVideo(makeJobRecord({ state: 'completed' }))).toBe(false);
  });
});

describe('the default poster frame', () => {
  it('is a third into the clip, not its first frame (an image-to-video clip opens on its input picture)', () => {
    expect(defaultPosterTime(2.5)).toBeCloseTo(2.5 * DEFAULT_POSTER_FRACTION);
    expect(defaultPosterTime(Number.NaN)).toBe(0);
    expect(defaultPosterTime(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('names each frame its own file, which the core alone may replace', () => {
    expect(posterFileName(0.8333)).toBe('poster-0.833.jpg');
    expect(POSTER_FILE_PATTERN.test(posterFileName(7.99))).toBe(true);
    expect(POSTER_FILE_PATTERN.test('video.mp4')).toBe(false);
  });
});

describe('PosterMaker', () => {
  function setup(opts: { failDraw?: Set<string>; hangDraw?: boolean; maxWaiting?: number } = {}) {
    const drawn: string[] = [];
    const saved: JobRecord[] = [];
    const maker = new PosterMaker({
      draw: async (videoPath) => {
        drawn.push(videoPath);
        if (opts.hangDraw) return new Promise<DrawnPoster>(() => undefined);
        if (opts.failDraw?.has(videoPath)) throw new Error('cannot decode');
        return { seconds: 1, base64: 'AAAA' };
      },
      save: async (id): Promise<IpcResult<JobRecord>> => ({ ok: true, value: finished({ id, posterPath: `media/${id}/poster-1.000.jpg` }) }),
      onSaved: (record) => saved.push(record),
      timeoutMs: 50,
      ...(opts.maxWaiting ? { maxWaiting: opts.maxWaiting } : {}),
    });
    return { maker, drawn, saved };
  }
  const job = (id: string, overrides: Partial<JobRecord> = {}) => finished({ id, videoPath: `media/${id}/video.mp4`, ...overrides });

  it('makes each missing poster once, newest wish first, and skips jobs that need none', async () => {
    const { maker, drawn, saved } = setup();
    maker.want(job('a'));
    maker.want(job('b'));
    maker.want(job('c'));
    maker.want(job('b'));
    maker.want(job('d', { posterPath: 'media/d/poster-0.000.jpg' }));
    maker.want(job('e', { state: 'failed' }));
    await maker.idle();
    expect(drawn).toEqual(['media/c/video.mp4', 'media/b/video.mp4', 'media/a/video.mp4']);
    expect(saved.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    maker.want(job('a'));
    await maker.idle();
    expect(drawn).toHaveLength(3);
  });

  it('does not try a video that failed again in this session, and goes on with the rest', async () => {
    const { maker, drawn, saved } = setup({ failDraw: new Set(['media/a/video.mp4']) });
    maker.want(job('b'));
    maker.want(job('a'));
    await maker.idle();
    maker.want(job('a'));
    await maker.idle();
    expect(drawn).toEqual(['media/a/video.mp4', 'media/b/video.mp4']);
    expect(saved.map((r) => r.id)).toEqual(['b']);
  });

  it('keeps a bounded list of wishes, and a video that never answers does not stop the others', async () => {
    const { maker, drawn } = setup({ maxWaiting: 2 });
    for (const id of ['a', 'b', 'c', 'd']) maker.want(job(id));
    await maker.idle();
    expect(drawn).toEqual(['media/d/video.mp4', 'media/c/video.mp4']);

    const hanging = setup({ hangDraw: true });
    hanging.maker.want(job('x'));
    hanging.maker.want(job('y'));
    await hanging.maker.idle();
    expect(hanging.drawn).toEqual(['media/y/video.mp4', 'media/x/video.mp4']);
  });

  it('waits for the page to have time before each poster (not in the middle of a scroll)', async () => {
    const drawn: string[] = [];
    const turns: Array<() => void> = [];
    const maker = new PosterMaker({
      draw: async (videoPath) => (drawn.push(videoPath), { seconds: 0, base64: 'AAAA' }),
      save: async (id): Promise<IpcResult<JobRecord>> => ({ ok: true, value: finished({ id }) }),
      onSaved: () => undefined,
      pace: () => new Promise<void>((resolve) => turns.push(resolve)),
    });
    maker.want(job('a'));
    maker.want(job('b'));
    await expect.poll(() => turns.length).toBe(1);
    expect(drawn).toEqual([]);
    turns[0]!();
    await expect.poll(() => turns.length).toBe(2);
    expect(drawn).toEqual(['media/b/video.mp4']);
    turns[1]!();
    await expect.poll(() => drawn).toEqual(['media/b/video.mp4', 'media/a/video.mp4']);
    await expect.poll(() => turns.length).toBe(3);
    turns[2]!();
    await maker.idle();
  });

  it('makes a poster again when a card reports its file missing, but only for a video', async () => {
    const { maker, drawn } = setup();
    const heard: string[] = [];
    const listener = (e: Event) => {
      const missing = (e as CustomEvent<JobRecord>).detail;
      heard.push(missing.id);
      maker.want(missing, true);
    };
    missingPosters.addEventListener(MISSING_POSTER_EVENT, listener);
    const posterGone = job('p', { posterPath: 'media/p/poster-0.833.jpg' });
    maker.want(posterGone);
    await maker.idle();
    expect(drawn).toEqual([]);
    reportMissingPoster(posterGone);
    reportMissingPoster(job('q', { state: 'failed' }));
    missingPosters.removeEventListener(MISSING_POSTER_EVENT, listener);
    await maker.idle();
    expect(heard).toEqual(['p', 'q']);
    expect(drawn).toEqual(['media/p/video.mp4']);
  });

  it('makes nothing once stopped (the window closed)', async () => {
    const { maker, drawn } = setup();
    maker.stop();
    maker.want(job('a'));
    await maker.idle();
    expect(drawn).toEqual([]);
  });
});

describe('hover scrubbing', () => {
  it('maps the pointer across the tile to the take, clamped inside it', () => {
    expect(scrubFraction(150, 100, 200)).toBe(0.25);
    expect(scrubFraction(50, 100, 200)).toBe(0);
    expect(scrubFraction(400, 100, 200)).toBe(1);
    expect(scrubFraction(150, 100, 0)).toBe(0);
    expect(scrubTime(0.5, 2.5)).toBe(1.25);
    expect(scrubTime(1, 2.5)).toBeCloseTo(2.45);
    expect(scrubTime(0.5, Number.NaN)).toBe(0);
  });
});

describe('J/K/L and frame stepping', () => {
  it('J and L start at normal speed and double on a second press, up to 4×; K pauses', () => {
    let s = nextShuttle(PAUSED, 'l');
    expect(s).toEqual({ direction: 1, rate: 1 });
    s = nextShuttle(nextShuttle(nextShuttle(s, 'l'), 'l'), 'l');
    expect(s).toEqual({ direction: 1, rate: 4 });
    s = nextShuttle(s, 'j');
    expect(s).toEqual({ direction: -1, rate: 1 });
    expect(nextShuttle(s, 'j')).toEqual({ direction: -1, rate: 2 });
    expect(nextShuttle(s, 'k')).toEqual(PAUSED);
  });

  it('steps exactly one frame from wherever playback stopped, and stays inside the clip', () => {
    const fps = 24;
    // Mid-frame (frame 10 runs from 0.4167 s to 0.4583 s): the next frame is 11, the previous 9.
    expect(frameIndexAt(frameStepTarget(0.43, 2.5, 1))).toBe(11);
    expect(frameIndexAt(frameStepTarget(0.43, 2.5, -1))).toBe(9);
    // Exactly on a frame's start (as a previous step left it): one frame, not two or none.
    let t = 0;
    for (let i = 0; i < 3; i++) t = frameStepTarget(t, 2.5, 1);
    expect(frameIndexAt(t)).toBe(3);
    t = frameStepTarget(t, 2.5, -1);
    expect(t).toBeCloseTo(2 / fps, 3);
    expect(frameStepTarget(0, 2.5, -1)).toBeCloseTo(0, 3);
    expect(frameIndexAt(frameStepTarget(2.49, 2.5, 1))).toBe(59);
  });

  it('reads only plain keys as player keys', () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) => playerKeyOf({ key: k, metaKey: false, ctrlKey: false, altKey: false, ...mods });
    expect(['j', 'K', 'l', ',', '.', 't'].map((k) => key(k))).toEqual(['j', 'k', 'l', 'frame-back', 'frame-forward', 'theatre']);
    expect(key('l', { ctrlKey: true })).toBeUndefined();
    expect(key('x')).toBeUndefined();
  });
});
