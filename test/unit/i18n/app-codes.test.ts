// The core's own sentences travel as catalog codes (namespace `app`): each keeps the English it
// always had (the CLI, records on disk and older versions read that), and the same code renders in
// 简体中文 with no English left but names, formats and the values that are data (paths, file names).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../electron/core/ipc/router';
import { cancelOutcomeLine, retryNoteSaid, stillUnreachableLine } from '../../../electron/core/jobs/messages';
import { JobTable } from '../../../electron/core/library/job-table';
import { LibraryInUseError } from '../../../electron/core/library/lock';
import { checkInputSize } from '../../../electron/core/media/checks';
import type { InputImageError } from '../../../electron/core/media/input-error';
import { aspectWarning, smallWarning } from '../../../electron/core/media/warnings';
import { SpendGuard, SpendNeedsConfirmation } from '../../../electron/core/spend/spend-guard';
import { saidOf } from '../../../electron/core/util/said';
import { isMessageId, renderMessage, type MessageParams } from '../../../shared/i18n/messages';
import { modelIssues, picturesProblem } from '../../../shared/models';

/** Words that stay as they are in every language (product, model and format names, units; US$ is how zh-CN writes dollars). */
const NAMES = /\b(Veo|Studio|Fast|First|Last|Frame|fal|ChainHub|API|HTTP|HTTPS|URL|MP4|JPEG|PNG|WebP|MB|GB|KB|MP|PM|AM|US)\b/g;

/** A coded message: English as it always read, a known code, and a Chinese rendering without English. */
function expectCoded(said: { code?: string; params?: MessageParams; message: string } | undefined, english: string): void {
  expect(said?.message).toBe(english);
  expect(isMessageId(said?.code)).toBe(true);
  const chinese = renderMessage('zh-CN', said!);
  expect(chinese).toMatch(/\p{Script=Han}/u);
  let rest = chinese;
  for (const value of Object.values(said!.params ?? {})) rest = rest.split(String(value)).join(' ');
  expect(rest.replace(NAMES, ' ').match(/[A-Za-z]{2,}/g) ?? [], chinese).toEqual([]);
}

const folder = mkdtempSync(path.join(tmpdir(), 'veo-app-codes-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the core says its refusals as codes', () => {
  it('a spend refusal above the limit', async () => {
    const guard = new SpendGuard({ limit: () => 1 });
    const params = { model: 'fal-ai/veo3/image-to-video', resolution: '720p', duration: '8s', generateAudio: true } as const;
    const refused = await guard.spend({ key: 'k', provider: 'fal', params }, async () => 'started').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SpendNeedsConfirmation);
    const err = refused as SpendNeedsConfirmation;
    expectCoded(
      { code: err.code, params: err.params, message: err.message },
      'This would spend about $3.20, above your limit of $1.00. Confirm to go ahead, or change the limit in Settings.',
    );
    expect(renderMessage('zh-CN', { code: err.code, params: err.params, message: err.message })).toContain('$3.20');
  });

  it('a library in use by another process, and a damaged library database', () => {
    expectCoded(
      saidOf(new LibraryInUseError('/home/me/Veo', 4242)),
      'The Veo Studio library at /home/me/Veo is in use by process 4242 (the app or another CLI). Close it and try again.',
    );
    const file = path.join(folder, 'library.db');
    writeFileSync(file, 'this is not a database, just text that is long enough to be read as a header. '.repeat(20));
    let damaged: unknown;
    try {
      JobTable.open(file, false).close();
    } catch (err) {
      damaged = err;
    }
    const said = saidOf(damaged);
    expect(said?.code).toBe('app.library.damaged');
    const detail = String(said?.params?.detail);
    expectCoded(
      said,
      `The library database ${file} is damaged (${detail}). Nothing was changed; move the file aside to start an empty library, or restore it from a backup.`,
    );
  });

  it('picture warnings, with their kind and shape unchanged', () => {
    const small = smallWarning(640, 360)!;
    expect({ ...small }).toEqual({ code: 'small', message: small.message });
    expectCoded(
      { ...small.text, message: small.message },
      'The picture is 640×360; fal asks for at least 720 pixels on the short side (720p). The video may look soft, or the server may refuse it. Use a larger picture if you have one.',
    );
    const square = aspectWarning(1080, 1080)!;
    expectCoded(
      { ...square.text, message: square.message },
      'The picture is 1080×1080, not 16:9 or 9:16: about 44 % of it will be cropped to make a 16:9 video. Crop it yourself first to choose what stays.',
    );
  });

  it('an input-picture error, named or not', () => {
    const refusal = (name?: string): InputImageError => {
      try {
        checkInputSize(0, 1024, name);
      } catch (err) {
        return err as InputImageError;
      }
      throw new Error('not refused');
    };
    expectCoded(saidOf(refusal('beach.png')), '“beach.png” is empty (0 bytes). Pick the image again or re-export it.');
    expectCoded(saidOf(refusal()), 'This file is empty (0 bytes). Pick the image again or re-export it.');
  });

  it('model-option issues, also with the hint a job started elsewhere adds', () => {
    const [issue] = modelIssues({ model: 'fal-ai/veo3/image-to-video', aspectRatio: 'auto', duration: '8s', resolution: '4k' });
    expectCoded(issue, 'Veo 3 does not offer resolution 4k; it accepts 720p, 1080p.');
    const [onCreate] = modelIssues({ model: 'fal-ai/veo3/image-to-video', aspectRatio: 'auto', duration: '8s', resolution: '4k' }, 'create');
    expectCoded(onCreate, 'Veo 3 does not offer resolution 4k; it accepts 720p, 1080p. Change it on Create and try again.');
    const lastFrame = picturesProblem('fal-ai/veo3.1/first-last-frame-to-video', false);
    expectCoded(lastFrame, `${String(lastFrame?.params?.model)} needs a last frame as well as the first picture: add one.`);
  });

  it('notes written into a job log: a cancel outcome, a server out of reach, a retry', () => {
    expectCoded(cancelOutcomeLine('requested'), 'Cancel requested; the server may still finish the job.');
    expect(cancelOutcomeLine('not_found').source).toBe('veo-studio');
    const since = Date.UTC(2026, 0, 2, 3, 4, 5);
    const line = stillUnreachableLine('https://api.example.com/v1', since);
    expectCoded(line, `Can’t reach api.example.com since ${new Date(since).toLocaleTimeString('en-US')} — still trying. The job may still be running on the server; nothing is lost.`);
    const note = retryNoteSaid({ attempt: 2, maxAttempts: 5, delayMs: 0, reason: 'rate_limit' });
    expect(note.message).toMatch(/^Rate limited — retrying at .* \(attempt 2 of 5\)$/);
    expectCoded(note, note.message);
  });

  it('the router forwards the code of a core error it passes on', async () => {
    const handlers = { 'app:info': () => Promise.reject(new LibraryInUseError('/lib', 7)) } as unknown as Handlers;
    const result = await createRouter(handlers, () => {}).handle('app:info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'app.library.inUse', params: { dir: '/lib', pid: '7' } } });
  });
});
