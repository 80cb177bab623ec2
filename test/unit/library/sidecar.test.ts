// Sidecars: what is written next to a video, that it is written atomically under the right name,
// and that reading one back refuses anything that is not a valid, known sidecar — with a reason.
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseSidecar,
  readSidecar,
  sidecarFor,
  sidecarPathFor,
  writeSidecar,
  writeSidecarQuietly,
} from '../../../electron/core/library/sidecar';
import { SidecarSchema } from '../../../shared/sidecar';
import { makeJobRecord } from '../../support/records';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'veo-sidecar-'));
});
afterEach(() => fsp.rm(dir, { recursive: true, force: true }));

describe('sidecarPathFor', () => {
  it('swaps the extension for .json, and only the last one', () => {
    expect(sidecarPathFor('/v/take.mp4')).toBe('/v/take.json');
    expect(sidecarPathFor('/v/take.final.mp4')).toBe('/v/take.final.json');
    expect(sidecarPathFor('C:\\v\\take.MP4')).toBe('C:\\v\\take.json');
    expect(sidecarPathFor('/v.d/take')).toBe('/v.d/take.json');
    expect(sidecarPathFor('/v/.hidden')).toBe('/v/.hidden.json');
  });
});

describe('sidecarFor', () => {
  it('carries the prompt, every setting, ids, times, the estimate and the input hash', () => {
    const rec = makeJobRecord({
      params: { duration: '6s', generateAudio: false, seed: 42, negativePrompt: 'blur' },
      requestId: 'req-xyz',
      finishedAt: '2025-01-02T03:04:05.000Z',
      videoBytes: 1234,
      provider: 'fal',
    });
    const car = sidecarFor(rec, 'take.mp4');
    expect(SidecarSchema.parse(car)).toEqual(car);
    expect(car).toMatchObject({
      format: 'veo-studio.sidecar',
      version: 1,
      prompt: rec.params.prompt,
      params: rec.params,
      requestId: 'req-xyz',
      provider: 'fal',
      createdAt: rec.createdAt,
      finishedAt: '2025-01-02T03:04:05.000Z',
      estimatedCostUsd: 1.2,
      input: { sha256: 'a'.repeat(64), width: 1280, height: 720, mime: 'image/png', originalName: 'lighthouse.png' },
      video: { fileName: 'take.mp4', bytes: 1234 },
    });
    expect(car.params.seed).toBe(42);
  });

  it('keeps a URL input as a URL and holds no local paths', () => {
    const rec = makeJobRecord({ input: { kind: 'url', url: 'https://example.com/a.png' } });
    const car = sidecarFor(rec);
    expect(car.input).toEqual({ url: 'https://example.com/a.png' });
    expect(JSON.stringify(sidecarFor(makeJobRecord()))).not.toContain('media/');
  });
});

describe('writeSidecar / readSidecar', () => {
  it('writes take.json next to take.mp4 and reads it back identically', async () => {
    const rec = makeJobRecord({ videoBytes: 99 });
    const written = await writeSidecar(path.join(dir, 'take.mp4'), rec);
    expect(written).toBe(path.join(dir, 'take.json'));
    expect(await fsp.readdir(dir)).toEqual(['take.json']); // no temp file left behind
    expect(await readSidecar(written)).toEqual(sidecarFor(rec, 'take.mp4'));
  });

  it('overwrites an older sidecar', async () => {
    await writeSidecar(path.join(dir, 'take.mp4'), makeJobRecord({ params: { prompt: 'first' } }));
    await writeSidecar(path.join(dir, 'take.mp4'), makeJobRecord({ params: { prompt: 'second' } }));
    expect((await readSidecar(path.join(dir, 'take.json'))).prompt).toBe('second');
  });

  it('writeSidecarQuietly reports failure by returning undefined instead of throwing', async () => {
    expect(await writeSidecarQuietly(path.join(dir, 'missing-dir', 'take.mp4'), makeJobRecord())).toBeUndefined();
  });

  it('says clearly when a file is missing, not JSON, not a sidecar, a newer version, or damaged', async () => {
    await expect(readSidecar(path.join(dir, 'nope.json'))).rejects.toThrow('“nope.json” does not exist.');
    const file = path.join(dir, 'x.json');
    await fsp.writeFile(file, '{not json');
    await expect(readSidecar(file)).rejects.toThrow('“x.json” is not valid JSON.');
    await fsp.writeFile(file, JSON.stringify({ hello: 1 }));
    await expect(readSidecar(file)).rejects.toThrow('“x.json” is not a Veo Studio sidecar.');
    const good = sidecarFor(makeJobRecord());
    await fsp.writeFile(file, JSON.stringify({ ...good, version: 2 }));
    await expect(readSidecar(file)).rejects.toThrow(/version this app does not know \(2\)/);
    await fsp.writeFile(file, JSON.stringify({ ...good, params: { ...good.params, duration: '9s' } }));
    await expect(readSidecar(file)).rejects.toThrow(/“x.json” is damaged: params.duration/);
    await fsp.writeFile(file, JSON.stringify({ ...good, input: { sha256: '../../etc/passwd', width: 1, height: 1, mime: 'image/png' } }));
    await expect(readSidecar(file)).rejects.toThrow(/damaged: input/);
  });

  it('parseSidecar refuses oversized text before parsing it', () => {
    expect(() => parseSidecar(' '.repeat(1024 * 1024 + 1))).toThrow('The sidecar is too large');
  });
});
