// Issue 15: a keychain failure is the first thing a person on a Linux box without a keyring meets
// (onboarding, Save key). It is a coded sentence, so the app says it in Chinese too; the English
// (CLI, logs) reads as it always did, and the secret appears in neither.
import { describe, expect, it } from 'vitest';
import { keychainFromKeytar } from '../../../electron/core/secrets/keytar-backend';
import { KeychainError } from '../../../electron/core/secrets/keychain-error';
import { SecretStore } from '../../../electron/core/secrets/secret-store';
import { renderMessage } from '../../../shared/i18n/messages';

const KEY = 'sk-chainhub-0123456789abcdef';
const noSecretService = keychainFromKeytar(
  {
    getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    setPassword: () => Promise.reject(new Error(`Cannot autolaunch D-Bus without X11 $DISPLAY ${KEY}`)),
    deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  },
  'linux',
);

describe('keychain failures in both languages', () => {
  it('saving without a Secret Service: English as before, Chinese with the same advice, the key in neither', async () => {
    const err = await new SecretStore(noSecretService).set('aggregator', KEY).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(KeychainError);
    const failure = err as KeychainError;
    expect(failure.message).toMatch(/^Could not save the aggregator API key in the system keychain\. No keyring service is running\. .*\(Details: Cannot autolaunch D-Bus/);
    expect(failure.said?.code).toBe('app.keychain.failed');
    const chinese = renderMessage('zh-CN', { ...failure.said!, message: failure.message });
    expect(chinese).toMatch(/^无法将聚合服务的 API 密钥保存到系统钥匙串。没有正在运行的密钥环服务。/);
    expect(chinese).toContain('（详情：Cannot autolaunch D-Bus');
    expect(`${failure.message} ${chinese} ${JSON.stringify(failure.said)}`).not.toContain(KEY);
  });
});
