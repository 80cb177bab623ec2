// Red-team F7: saving `package.mp4` replaced the user's `package.json` with our sidecar, and a video
// saved as `clip.json` was overwritten by its own sidecar. A sidecar now only ever replaces a sidecar.
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSidecar, writeSidecar } from '../../../electron/core/library/sidecar';
import { parseInvocation } from '../../../electron/cli/args';
import { UsageError } from '../../../electron/cli/errors';
import { makeJobRecord } from '../../support/records';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'veo-sidecar-neighbours-'));
});
afterEach(() => fsp.rm(dir, { recursive: true, force: true }));

const PACKAGE_JSON = '{ "name": "my-project", "version": "1.0.0" }\n';

describe('a sidecar next to someone else’s file', () => {
  it('never replaces a .json that is not our sidecar: it is written as <name>.veo.json instead', async () => {
    await fsp.writeFile(path.join(dir, 'package.json'), PACKAGE_JSON);
    const written = await writeSidecar(path.join(dir, 'package.mp4'), makeJobRecord());
    expect(written).toBe(path.join(dir, 'package.veo.json'));
    expect(await fsp.readFile(path.join(dir, 'package.json'), 'utf8')).toBe(PACKAGE_JSON);
    expect((await readSidecar(written)).video.fileName).toBe('package.mp4');
  });

  it('still replaces its own earlier sidecar under the plain name', async () => {
    const first = await writeSidecar(path.join(dir, 'take.mp4'), makeJobRecord({ params: { prompt: 'one' } }));
    const second = await writeSidecar(path.join(dir, 'take.mp4'), makeJobRecord({ params: { prompt: 'two' } }));
    expect(second).toBe(first);
    expect((await readSidecar(second)).prompt).toBe('two');
  });

  it('refuses, with a clear message, when both names hold someone else’s files', async () => {
    await fsp.writeFile(path.join(dir, 'package.json'), PACKAGE_JSON);
    await fsp.writeFile(path.join(dir, 'package.veo.json'), 'mine too');
    await expect(writeSidecar(path.join(dir, 'package.mp4'), makeJobRecord())).rejects.toThrow(/not a Veo Studio sidecar.*not replaced/);
    expect(await fsp.readFile(path.join(dir, 'package.json'), 'utf8')).toBe(PACKAGE_JSON);
    expect(await fsp.readFile(path.join(dir, 'package.veo.json'), 'utf8')).toBe('mine too');
  });

  it('never writes a sidecar over the video itself (a video saved as clip.json)', async () => {
    await fsp.writeFile(path.join(dir, 'clip.json'), 'video bytes');
    const written = await writeSidecar(path.join(dir, 'clip.json'), makeJobRecord());
    expect(written).toBe(path.join(dir, 'clip.veo.json'));
    expect(await fsp.readFile(path.join(dir, 'clip.json'), 'utf8')).toBe('video bytes');
  });

  it('the CLI refuses --out x.json before anything is generated', () => {
    expect(() => parseInvocation(['generate', '--prompt', 'p', '--image', 'a.png', '--out', 'clip.JSON'])).toThrow(UsageError);
    expect(() => parseInvocation(['generate', '--prompt', 'p', '--image', 'a.png', '--out', 'clip.json'])).toThrow(/--out.*\.mp4/);
  });
});
