// Settings names where the key is kept; the core sends which store as data (KeyStatus.store), so a
// Chinese reader does not meet "the system keychain" in the middle of a Chinese sentence.
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../shared/i18n/messages';

const words = (locale: 'en' | 'zh-CN', store: string, holder = 'none') => formatMessage(locale, 'settings.key.setIn', { last4: 'abcd', store, holder });

describe('where the key is kept', () => {
  it('reads in English as it always did', () => {
    expect(words('en', 'keychain')).toBe('Key set (…abcd) in the system keychain');
    expect(words('en', 'encryptedFile')).toBe("Key set (…abcd) in an encrypted file in the app's data folder");
    expect(words('en', 'encryptedFile', 'gnome_libsecret')).toBe("Key set (…abcd) in an encrypted file in the app's data folder (key held by gnome_libsecret)");
  });

  it('reads in Chinese with no English words', () => {
    expect(words('zh-CN', 'keychain')).toBe('已设置密钥（…abcd），保存在系统钥匙串');
    expect(words('zh-CN', 'encryptedFile').replace('…abcd', '')).not.toMatch(/[A-Za-z]/);
  });
});
