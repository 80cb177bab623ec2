// Issue 15: relative times and dates in the current language, not hard-coded English.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative } from '../../renderer/components/format';

const now = Date.parse('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('formatRelative / formatDateTime', () => {
  it('speaks Chinese in zh-CN', () => {
    expect(formatRelative(ago(10_000), now, 'zh-CN')).toBe('刚刚');
    expect(formatRelative(ago(5 * 60_000), now, 'zh-CN')).toBe('5分钟前');
    expect(formatRelative(ago(3 * 3_600_000), now, 'zh-CN')).toBe('3小时前');
    expect(formatRelative(ago(3 * 86_400_000), now, 'zh-CN')).toMatch(/2026年3月7日/);
    expect(formatDateTime('2026-03-07T10:00:00Z', 'zh-CN')).toMatch(/2026年3月7日/);
  });

  it('speaks English in en', () => {
    expect(formatRelative(ago(10_000), now, 'en')).toBe('just now');
    expect(formatRelative(ago(5 * 60_000), now, 'en')).toMatch(/^5 min\.? ago$/);
    expect(formatRelative(ago(3 * 86_400_000), now, 'en')).toMatch(/Mar 7, 2026/);
  });
});
