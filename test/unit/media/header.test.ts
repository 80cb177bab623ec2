import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { looksTruncated } from '../../../electron/core/media/header';

const jpeg = () => sharp({ create: { width: 320, height: 240, channels: 3, background: '#345678' } }).jpeg().toBuffer();

describe('looksTruncated (JPEG)', () => {
  it('accepts a whole JPEG, and one with a video appended like a phone motion photo', async () => {
    const whole = await jpeg();
    expect(looksTruncated(whole, 'image/jpeg')).toBe(false);
    const motionPhoto = Buffer.concat([whole, Buffer.alloc(64 * 1024, 0x20), Buffer.from('ftypmp42')]);
    expect(looksTruncated(motionPhoto, 'image/jpeg')).toBe(false);
  });

  it('flags a JPEG that lost its end-of-image marker or half its scan', async () => {
    const whole = await jpeg();
    expect(looksTruncated(whole.subarray(0, whole.length - 2), 'image/jpeg')).toBe(true);
    expect(looksTruncated(whole.subarray(0, whole.length >> 1), 'image/jpeg')).toBe(true);
  });

  it('is not fooled by an end marker that belongs to the EXIF thumbnail before the scan', async () => {
    const whole = await jpeg();
    // APP1 segment holding a fake thumbnail that ends in FF D9, inserted right after SOI.
    const thumb = Buffer.from([0xff, 0xd8, 0x00, 0x00, 0xff, 0xd9]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, thumb.length + 2]), thumb]);
    const withThumb = Buffer.concat([whole.subarray(0, 2), app1, whole.subarray(2)]);
    expect(looksTruncated(withThumb, 'image/jpeg')).toBe(false);
    expect(looksTruncated(withThumb.subarray(0, withThumb.length - 2), 'image/jpeg')).toBe(true);
  });
});
