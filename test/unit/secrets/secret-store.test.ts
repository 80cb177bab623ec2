import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  KeychainError,
  MemoryKeychain,
  SecretStore,
  type KeychainBackend,
} from '../../../electron/core/secrets/secret-store';
import { rejectionOf } from '../../support/rejection';

const KEY = 'fal_live_9f8e7d6c5b4a3210';

/** Everything an error could leak through: message, stack, cause chain, own properties. */
const everythingIn = (err: unknown): string => `${String(err)}\n${inspect(err, { depth: 10 })}\n${JSON.stringify(err)}`;

const caught = (fn: () => Promise<unknown>): Promise<Error> => rejectionOf(fn, Error);

describe('SecretStore with MemoryKeychain', () => {
  it('starts unset, then set → status shows only the last 4 → clear', async () => {
    const keychain = new MemoryKeychain();
    const store = new SecretStore(keychain);

    expect(await store.status('aggregator')).toEqual({ isSet: false });
    expect(await store.get('aggregator')).toBeNull();

    expect(await store.set('aggregator', KEY)).toEqual({ isSet: true, last4: '3210' });
    expect(await store.status('aggregator')).toEqual({ isSet: true, last4: '3210' });
    expect(await store.get('aggregator')).toBe(KEY);
    // Stored under the default service, with the provider as the account name.
    expect(await keychain.get('Veo Studio', 'aggregator')).toBe(KEY);

    expect(await store.clear('aggregator')).toEqual({ isSet: false });
    expect(await store.status('aggregator')).toEqual({ isSet: false });
    expect(keychain.size).toBe(0);
  });

  it('trims what was pasted around the key', async () => {
    const store = new SecretStore(new MemoryKeychain());
    await store.set('fal', `  ${KEY}\r\n`);
    expect(await store.get('fal')).toBe(KEY);
  });

  it('keeps providers apart, and services apart', async () => {
    const keychain = new MemoryKeychain();
    const store = new SecretStore(keychain);
    const other = new SecretStore(keychain, { service: 'Veo Studio Dev' });
    await store.set('aggregator', 'aggregator-key-1111');
    await store.set('fal', 'fal-key-2222');

    expect(await store.status('aggregator')).toEqual({ isSet: true, last4: '1111' });
    expect(await store.status('fal')).toEqual({ isSet: true, last4: '2222' });
    expect(await other.status('fal')).toEqual({ isSet: false });

    await store.clear('fal');
    expect(await store.get('fal')).toBeNull();
    expect(await store.get('aggregator')).toBe('aggregator-key-1111');
  });

  it('clearing a key that is not set is fine', async () => {
    const store = new SecretStore(new MemoryKeychain());
    await expect(store.clear('fal')).resolves.toEqual({ isSet: false });
  });

  it('the simulator needs no key: nothing is stored for it', async () => {
    const keychain = new MemoryKeychain();
    const store = new SecretStore(keychain);
    await keychain.set('Veo Studio', 'simulator', 'should-never-be-read');

    expect(await store.status('simulator')).toEqual({ isSet: false });
    expect(await store.get('simulator')).toBeNull();
    await expect(store.set('simulator', KEY)).rejects.toThrow(/simulator needs no API key/);
    await expect(store.clear('simulator')).resolves.toEqual({ isSet: false });
  });
});

describe('key validation', () => {
  const store = new SecretStore(new MemoryKeychain());

  it.each([
    ['empty', '', /empty/],
    ['only whitespace', ' \t\n ', /empty/],
    ['a space inside', 'abcd efgh1234', /spaces or line breaks/],
    ['a line break inside', 'abcdefgh\n1234', /spaces or line breaks/],
    ['a tab inside', 'abcdefgh\t1234', /spaces or line breaks/],
    ['a control character', 'abcdefgh\x071234', /invisible or non-ASCII/],
    ['a zero-width space', 'abcdefgh\u200b1234', /invisible or non-ASCII/],
    ['curly quotes', '“abcdefgh1234”', /invisible or non-ASCII/],
    ['7 characters', 'abc1234', /too short.*at least 8/],
    ['513 characters', 'k'.repeat(513), /too long.*512/],
  ])('rejects a key with %s, without quoting it', async (_label, key, message) => {
    const err = await caught(() => store.set('fal', key));
    expect(err.message).toMatch(message);
    if (key.trim()) expect(everythingIn(err)).not.toContain(key.trim());
    expect(await store.status('fal')).toEqual({ isSet: false });
  });

  it('accepts the boundaries: 8 and 512 characters', async () => {
    await expect(store.set('fal', 'abcd1234')).resolves.toEqual({ isSet: true, last4: '1234' });
    await expect(store.set('fal', `${'k'.repeat(508)}wxyz`)).resolves.toEqual({ isSet: true, last4: 'wxyz' });
  });
});

/** A backend whose every call fails, quoting the given text (as a careless native binding might). */
function failingBackend(quote: string): KeychainBackend {
  const fail = async (): Promise<never> => {
    throw new Error(`native keychain failure while handling "${quote}"`);
  };
  return { get: fail, set: fail, delete: fail };
}

describe('no secret in errors', () => {
  it('a failing save does not quote the key', async () => {
    const store = new SecretStore({
      get: async () => null,
      delete: async () => false,
      set: async (_s, _a, secret) => Promise.reject(new Error(`could not write ${secret}`)),
    });
    const err = await caught(() => store.set('aggregator', `  ${KEY} `));
    expect(err).toBeInstanceOf(KeychainError);
    expect(err.message).toMatch(/^Could not save the aggregator API key in the system keychain\./);
    expect(everythingIn(err)).not.toContain(KEY);
  });

  it('a failing read, status or clear does not quote the stored key', async () => {
    const store = new SecretStore(failingBackend(KEY));
    for (const call of [() => store.get('fal'), () => store.status('fal'), () => store.clear('fal')]) {
      const err = await caught(call);
      expect(err).toBeInstanceOf(KeychainError);
      expect(err.message).toMatch(/system keychain/);
      expect(everythingIn(err)).not.toContain(KEY);
    }
  });

  it('a KeychainError from a facade keeps its advice, scrubbed of the key', async () => {
    const advice = 'Unlock the keyring and try again.';
    const store = new SecretStore({
      get: async () => null,
      delete: async () => false,
      set: async (_s, _a, secret) => Promise.reject(new KeychainError(`${advice} (Details: rejected ${secret})`)),
    });
    const err = await caught(() => store.set('fal', KEY));
    expect(err.message).toContain(advice);
    expect(err.message).toContain('[redacted]');
    expect(everythingIn(err)).not.toContain(KEY);
  });
});
