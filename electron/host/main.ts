// `npm run host -- --port <p> --data-dir <dir> [--provider …] [--api-base <url>] [--static-dir <dir>]`
// Prints exactly one line on stdout first — the URL to open — and logs everything else on stderr.
import { parseArgs } from 'node:util';
import { PROVIDERS, type Provider } from '../../shared/domain';
import { defaultDataDir } from '../core/paths';
import { startHost } from './server';

const USAGE = `Usage: npm run host -- [--port <n>] [--data-dir <dir>] [--provider ${PROVIDERS.join('|')}] [--api-base <url>] [--static-dir <dir>]`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        provider: { type: 'string' },
        'api-base': { type: 'string' },
        'static-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535.\n${USAGE}`);
    return 2;
  }
  const provider = values.provider;
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    console.error(`--provider must be one of ${PROVIDERS.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const keychainService = process.env.VEO_STUDIO_KEYCHAIN_SERVICE;

  const host = await startHost({
    port,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    ...(provider ? { provider: provider as Provider } : {}),
    ...(values['api-base'] ? { apiBase: values['api-base'] } : {}),
    ...(values['static-dir'] ? { staticDir: values['static-dir'] } : {}),
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
