// `key set | status | clear`: the key goes straight from stdin to the OS keychain. It is never
// echoed, printed, logged or written anywhere else; status shows only the last 4 characters.
import { PROVIDERS } from '../../../shared/domain';
import { needsKey } from '../../../shared/providers';
import { isKeychainError, validateApiKey } from '../../core/secrets/secret-store';
import { EXIT, UsageError } from '../errors';
import type { CliIo } from '../io';
import { checkKeyFor, type AccountContext } from './account';

export async function runKey(sub: string | undefined, ctx: AccountContext, io: CliIo, opts: { check: boolean } = { check: true }): Promise<number> {
  const { provider, secrets } = ctx;
  if (!needsKey(provider)) {
    throw new UsageError(`The ${provider} needs no API key. Choose --provider ${PROVIDERS.filter(needsKey).join(' or ')}.`);
  }
  switch (sub) {
    case 'set': {
      const key = await io.readSecret(`Paste your ${provider} API key and press Enter: `);
      if (!key) throw new UsageError('No key was given on stdin. Example: printf %s "$KEY" | npm run cli -- key set');
      if (opts.check) {
        // A malformed key never leaves the machine: the local rules first, then the provider.
        try {
          validateApiKey(key);
        } catch (err) {
          throw new UsageError(err instanceof Error ? err.message : 'The key is not valid.');
        }
        // Asked before saving, free of charge (api/key-check.ts). Offline is no reason not to save.
        const verdict = await checkKeyFor(ctx, key);
        io.err(verdict.message);
        if (verdict.verdict === 'rejected') throw new UsageError('The key was not saved. Fix it, or save it anyway with --no-check.');
      }
      const status = await secrets.set(provider, key).catch((err: unknown) => {
        // A rejected key is bad input (exit 2); a keychain that cannot be reached is a failure (exit 1).
        // Either message describes the problem, never the key.
        if (isKeychainError(err) || !(err instanceof Error)) throw err;
        throw new UsageError(err.message);
      });
      io.err(`Saved the ${provider} key (…${status.last4}) in the OS keychain.`);
      return EXIT.ok;
    }
    case 'status': {
      const status = await secrets.status(provider);
      io.out(status.isSet ? `${provider}: a key is set (…${status.last4})` : `${provider}: no key set — run "npm run cli -- key set"`);
      return EXIT.ok;
    }
    case 'clear': {
      await secrets.clear(provider);
      io.err(`Removed the ${provider} key from the OS keychain.`);
      return EXIT.ok;
    }
    default:
      throw new UsageError('Use "key set", "key status" or "key clear".');
  }
}
