import { describe, expect, it } from 'vitest';
import { shellLocale, type LocaleSource } from '../../../electron/main/shell-locale';

/** Electron's `app` as far as the shell's language needs it. */
const fakeApp = (locale: string, preferred: string[] = []): LocaleSource => ({
  getLocale: () => locale,
  getPreferredSystemLanguages: () => preferred,
});

describe('shellLocale', () => {
  it('follows Chromium’s locale on "system" (the one navigator.language gives the page)', () => {
    expect(shellLocale('system', fakeApp('zh-CN', ['zh-Hans-CN']))).toBe('zh-CN');
    expect(shellLocale('system', fakeApp('en-US', ['en-US']))).toBe('en');
    expect(shellLocale(undefined, fakeApp('zh-TW'))).toBe('zh-CN');
  });

  it('looks through the OS’s languages when Chromium’s is one we do not speak', () => {
    expect(shellLocale('system', fakeApp('fr', ['fr-FR', 'zh-Hans-CN', 'en-US']))).toBe('zh-CN');
    expect(shellLocale('system', fakeApp('de', ['de-DE']))).toBe('en');
  });

  it('keeps a fixed Language setting whatever the OS speaks', () => {
    expect(shellLocale('en', fakeApp('zh-CN', ['zh-CN']))).toBe('en');
    expect(shellLocale('zh-CN', fakeApp('en-US', ['en-US']))).toBe('zh-CN');
  });

  it('speaks English when Electron cannot tell yet (before ready, an empty locale)', () => {
    const notReady: LocaleSource = {
      getLocale: () => '',
      getPreferredSystemLanguages: () => {
        throw new Error('not ready');
      },
    };
    expect(shellLocale('system', notReady)).toBe('en');
  });
});
