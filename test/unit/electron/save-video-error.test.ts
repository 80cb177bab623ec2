// "Save video as…" failing (here: the chosen folder is gone) reaches the page as a coded message,
// so it is shown in the user's language; English stays the words it always was.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderMessage } from '../../../shared/i18n/messages';
import { IpcUserError } from '../../../electron/core/ipc/router';

let dir: string;
const chosen = { filePath: '' };
vi.mock('electron', () => ({
  app: { getPath: () => tmpdir() },
  dialog: { showSaveDialog: () => Promise.resolve({ canceled: false, filePath: chosen.filePath }) },
  shell: {},
}));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'veo-save-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('Save video as… failing', () => {
  it('throws a coded error the page renders in Chinese', async () => {
    const { createNativePlatform } = await import('../../../electron/main/native-platform');
    const video = path.join(dir, 'a.mp4');
    await writeFile(video, 'x');
    chosen.filePath = path.join(dir, 'gone', 'fox.mp4');
    const platform = createNativePlatform({ settings: () => ({}) as never, parentWindow: () => undefined, locale: () => 'zh-CN' });
    const error = await platform.saveVideoAs?.(video, 'fox.mp4').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcUserError);
    const coded = error as IpcUserError;
    expect(coded.code).toBe('desktop.saveAs.failed');
    expect(coded.message).toBe(`Could not save the video to ${chosen.filePath} (ENOENT).`);
    expect(renderMessage('zh-CN', coded)).toBe(`无法将视频保存到 ${chosen.filePath}（ENOENT）。`);
  });
});
