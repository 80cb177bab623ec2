// image:prepare with a picture the page prepared: accepted from bytes on both faces and from a path
// in the desktop app, refused by path on the host (its page has no paths, host-face.ts).
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_INPUT, startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(() => h?.close());

async function preparedFromSample() {
  const original = await readFile(SAMPLE_INPUT);
  const { width = 0, height = 0 } = await sharp(original).metadata();
  const payload = await sharp(original).resize(960).jpeg().toBuffer();
  const thumbnail = await sharp(original).resize(320).jpeg().toBuffer();
  const scaled = await sharp(payload).metadata();
  expect(scaled.width).toBeLessThanOrEqual(width);
  return { original, payload: payload.toString('base64'), thumbnail: thumbnail.toString('base64'), width, height };
}

describe("image:prepare { kind: 'prepared' }", () => {
  it('takes the original from a path in the desktop app and from bytes anywhere', async () => {
    h = await startHarness();
    const { original, ...rest } = await preparedFromSample();
    const byPath = await h.call('image:prepare', { kind: 'prepared', path: SAMPLE_INPUT, ...rest });
    expect(byPath).toMatchObject({ kind: 'file', name: 'sample-input.jpg', mime: 'image/jpeg', bytes: original.length });
    const byBytes = await h.call('image:prepare', { kind: 'prepared', name: 'x.jpg', original: original.toString('base64'), ...rest });
    expect(byBytes).toMatchObject({ kind: 'file', name: 'x.jpg', bytes: original.length });
    expect(await h.fail('image:prepare', { kind: 'prepared', ...rest })).toMatchObject({ kind: 'invalid_input' });
  });

  it('refuses a path on the browser host', async () => {
    h = await startHarness({ service: { face: 'host' } });
    const { original: _original, ...rest } = await preparedFromSample();
    expect(await h.fail('image:prepare', { kind: 'prepared', path: SAMPLE_INPUT, ...rest })).toMatchObject({ kind: 'unsupported' });
  });
});
