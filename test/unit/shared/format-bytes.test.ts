import { describe, expect, it } from 'vitest';
import { formatByteRate, formatBytes } from '../../../shared/format-bytes';

describe('formatBytes: one unit convention for the page, the core and the CLI', () => {
  it('says small sizes in bytes, then KB, MB and GB in steps of 1024', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(13 * 1024)).toBe('13 KB');
    expect(formatBytes(1024 * 1024)).toBe('1.0 MB');
    expect(formatBytes(8 * 1024 * 1024)).toBe('8.0 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.00 GB');
  });

  it('reads nonsense as nothing rather than printing NaN', () => {
    expect(formatBytes(Number.NaN)).toBe('0 bytes');
    expect(formatBytes(-5)).toBe('0 bytes');
  });

  it('says a rate in the same units', () => {
    expect(formatByteRate(4.2 * 1024 * 1024)).toBe('4.2 MB/s');
  });
});
