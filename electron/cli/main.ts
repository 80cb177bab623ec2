// The command line (`npm run cli -- …`, entry in bin.ts): a thin face on the core (electron/core), sharing the library
// and the keychain entry with the desktop app.
import type { Provider } from '../../shared/domain';
import { createCore, IN_PROCESS_SIMULATOR, type Core, type CoreConfig } from '../core';
import { lazyKeytarBackend } from '../core/secrets/keytar-backend';
import { SecretStore } from '../core/secrets/secret-store';
import { loadSettings } from '../core/settings-store';
import { parseInvocation } from './args';
import { runGenerate } from './commands/generate';
import { runCancel, runList, runResume, runShow } from './commands/jobs';
import { runBalance, type AccountContext } from './commands/account';
import { runKey } from './commands/key';
import { runModels } from './commands/models';
import { LibraryInUseError } from '../core/library/lock';
import { defaultDataDir, libraryDir } from '../core/paths';
import { EXIT, UsageError } from './errors';
import { libraryInUseMessage } from './library-in-use';
import { processIo, terminalSafe, type CliIo } from './io';
import { stopWords } from './output';
import { USAGE } from './usage';
import { codeOfError } from '../core/util/said';

export async function runCli(argv: string[], rawIo: CliIo = processIo, overrides: Partial<CoreConfig> = {}): Promise<number> {
  const io = terminalSafe(rawIo);
  const stop = new AbortController();
  let core: Core | undefined;
  let command = '';
  let dataDir = '';
  const onSigint = (): void => {
    io.err(`\n${stopWords(core?.apiBase === IN_PROCESS_SIMULATOR).stopping}`);
    stop.abort();
    void core?.runner.shutdown();
  };
  process.once('SIGINT', onSigint);
  try {
    const inv = parseInvocation(argv);
    if (inv.options.help || !inv.command) {
      io.out(USAGE);
      return inv.command || inv.options.help ? EXIT.ok : EXIT.usage;
    }
    // The registry needs no library, no key and no network.
    if (inv.command === 'models') return runModels(inv.options.json === true, io);
    command = inv.command;
    dataDir = inv.options['data-dir'] ?? defaultDataDir();
    // For tests and side-by-side installs: keep keys under another keychain service name.
    const keychainService = process.env.VEO_STUDIO_KEYCHAIN_SERVICE;
    if (inv.command === 'key' || inv.command === 'balance') {
      // These touch only settings, the keychain and the provider, so they work while the app holds the library.
      const { settings } = await loadSettings(dataDir);
      const provider: Provider = inv.provider ?? settings.provider;
      const secrets = new SecretStore(overrides.keychain ?? lazyKeytarBackend(), {
        ...(keychainService ? { service: keychainService } : {}),
      });
      const account: AccountContext = {
        provider,
        settings,
        secrets,
        ...(inv.options['api-base'] ? { apiBase: inv.options['api-base'] } : {}),
        ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
      };
      if (inv.command === 'balance') return await runBalance(account, inv.options.json === true, io);
      return await runKey(inv.args[0], account, io, { check: inv.options['no-check'] !== true });
    }
    core = await createCore({
      dataDir,
      ...(keychainService ? { keychainService } : {}),
      ...(inv.provider ? { provider: inv.provider } : {}),
      ...(inv.options['api-base'] ? { apiBase: inv.options['api-base'] } : {}),
      onLibraryProblem: (p) => io.err(`warning: skipped a damaged library entry (line ${p.line}: ${p.reason})`),
      // Looking must never change anything on disk (no quarantine, no cleanup).
      ...(inv.command === 'list' || inv.command === 'show' ? { readOnly: true } : {}),
      ...overrides,
    });
    switch (inv.command) {
      case 'generate':
        return await runGenerate(core, inv.options, io, stop.signal);
      case 'resume':
        return await runResume(core, inv.options, io);
      case 'list':
        return runList(core, inv.options, io);
      case 'show':
        return runShow(core, inv.args[0], inv.options, io);
      case 'cancel':
        return await runCancel(core, inv.args[0], inv.options, io);
      default:
        throw new UsageError(`Unknown command "${inv.command}".`);
    }
  } catch (err) {
    // With --json, a script gets the failure as JSON on stdout too (kind, the English words, and the
    // sentence's code when the core wrote one); people read stderr as before.
    const json = argv.includes('--json');
    if (err instanceof UsageError) {
      io.err(err.message);
      if (json) io.out(errorJson('usage', err));
      return EXIT.usage;
    }
    if (err instanceof LibraryInUseError) {
      const message = libraryInUseMessage(command, err, libraryDir(dataDir));
      io.err(message);
      if (json) io.out(errorJson('library_in_use', err, message));
      return EXIT.libraryInUse;
    }
    io.err(`Error: ${err instanceof Error ? err.message : String(err)}`);
    if (json) io.out(errorJson('failed', err));
    return EXIT.failed;
  } finally {
    process.removeListener('SIGINT', onSigint);
    await core?.close();
  }
}

/** `{"error": {kind, message, code?, params?}}`: language-neutral, like the job JSON. */
function errorJson(kind: 'usage' | 'library_in_use' | 'failed', err: unknown, message = err instanceof Error ? err.message : String(err)): string {
  // The code names the error's own sentence: only when that is what is printed.
  const coded = err instanceof Error && err.message === message ? codeOfError(err) : {};
  return JSON.stringify({ error: { kind, message, ...coded } });
}
