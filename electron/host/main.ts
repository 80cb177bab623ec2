// `npm run host -- --port <p> --data-dir <dir> [--provider …] [--api-base <url>] [--static-dir <dir>]`
// Prints exactly one line on stdout first — the URL to open — and logs everything else on stderr.
import { defaultDataDir } from '../core/paths';
import { HOST_USAGE, parseHostArgs } from './args';
import { startHost } from './server';

async function main(): Promise<number> {
  const parsed = parseHostArgs(process.argv.slice(2));
  if ('help' in parsed) {
    console.error(HOST_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(parsed.error);
    return parsed.exitCode;
  }
  const { options } = parsed;
  const keychainService = process.env.VEO_STUDIO_KEYCHAIN_SERVICE;

  const host = await startHost({
    ...options,
    dataDir: options.dataDir ?? defaultDataDir(),
    // For tests and side-by-side installs, as in the CLI: keep keys under another keychain service.
    ...(keychainService ? { coreOverrides: { keychainService } } : {}),
  });
  process.stdout.write(`${host.url}\n`);
  console.error(`[host] Veo Studio is served at ${host.origin} (data: ${host.core.dataDir}). Ctrl+C stops it; unfinished jobs resume next time.`);

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      console.error(`[host] ${signal}: shutting down`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[host] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
