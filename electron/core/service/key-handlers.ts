// key:* — the API key goes in, never out: replies carry only "is a key set" and its last 4
// characters, and no failure here may quote the key (so nothing is passed to the router's logger).
import type { KeyStatusInfo } from '../../../shared/contract';
import type { Provider } from '../../../shared/domain';
import { say } from '../../../shared/i18n/messages';
import { IpcUserError, type Handlers } from '../ipc/router';
import { wordsOf } from '../util/said';
import { isKeychainError, needsKey, validateApiKey } from '../secrets/secret-store';
import type { ServiceContext } from './types';

export function keyHandlers(ctx: ServiceContext): Pick<Handlers, 'key:status' | 'key:set' | 'key:clear' | 'key:check' | 'account:balance'> {
  const providerOf = async (requested?: Provider): Promise<Provider> => requested ?? (await ctx.core.target()).provider;
  return {
    async 'key:status'({ provider }) {
      const p = await providerOf(provider);
      if (!needsKey(p)) return { isSet: false };
      return guard(() => ctx.core.secrets.status(p), 'read');
    },
    async 'key:set'({ provider, key }) {
      const p = await providerOf(provider);
      if (!needsKey(p)) throw new IpcUserError('invalid_input', say('app.key.simulatorNothingSaved'));
      return guard(() => ctx.core.secrets.set(p, key), 'save');
    },
    async 'key:clear'({ provider }) {
      const p = await providerOf(provider);
      if (!needsKey(p)) return { isSet: false };
      return guard(() => ctx.core.secrets.clear(p), 'remove');
    },
    async 'key:check'({ provider, key }) {
      const p = await providerOf(provider);
      if (!needsKey(p)) throw new IpcUserError('invalid_input', say('app.key.simulatorNeedsNone'));
      try {
        validateApiKey(key); // a malformed key never leaves the machine
      } catch (err) {
        throw new IpcUserError('invalid_input', err instanceof Error ? wordsOf(err) : say('app.key.notValid'));
      }
      // The result quotes the provider, never the key: checkKey redacts echoes like every exchange.
      return ctx.core.checkKey(p, key);
    },
    'account:balance'() {
      return ctx.core.balance();
    },
  };
}

/** Keychain failures keep their scrubbed text; anything else is a rejected key (validateApiKey). */
async function guard(action: () => Promise<KeyStatusInfo>, verb: 'read' | 'save' | 'remove'): Promise<KeyStatusInfo> {
  let status: KeyStatusInfo;
  try {
    status = await action();
  } catch (err) {
    if (isKeychainError(err)) throw new IpcUserError('failed', wordsOf(err));
    if (verb === 'save' && err instanceof Error) throw new IpcUserError('invalid_input', wordsOf(err));
    throw new IpcUserError('failed', say('app.key.couldNot', { verb }));
  }
  // Copy field by field: whatever else the store returns must not reach the renderer.
  return status.isSet && status.last4 !== undefined ? { isSet: true, last4: status.last4 } : { isSet: status.isSet };
}
