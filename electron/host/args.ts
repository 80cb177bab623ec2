// The host's command line: parsed and checked here (a pure function, so every refusal is testable),
// run in main.ts. An API base comes only with the provider whose key may go there (red-team F6).
import { parseArgs } from 'node:util';
import { PROVIDERS, type Provider } from '../../shared/domain';
import { API_BASE_NEEDS_PROVIDER } from '../core';

export const HOST_USAGE = `Usage: npm run host -- [--port <n>] [--data-dir <dir>] [--provider ${PROVIDERS.join('|')} [--api-base <url>]] [--static-dir <dir>]`;

export interface HostArgs {
  port: number;
  dataDir?: string;
  provider?: Provider;
  apiBase?: string;
  staticDir?: string;
}

/** Options to start with, `help` to print the usage and stop, or an error and its exit code. */
export type ParsedHostArgs = { options: HostArgs } | { help: true } | { error: string; exitCode: 2 };

export function parseHostArgs(argv: string[]): ParsedHostArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
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
    return usageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return { help: true };
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError('--port must be a number from 0 to 65535.');
  const provider = values.provider;
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    return usageError(`--provider must be one of ${PROVIDERS.join(', ')}.`);
  }
  if (values['api-base'] !== undefined && provider === undefined) return usageError(API_BASE_NEEDS_PROVIDER);
  return {
    options: {
      port,
      ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
      ...(provider ? { provider: provider as Provider } : {}),
      ...(values['api-base'] ? { apiBase: values['api-base'] } : {}),
      ...(values['static-dir'] ? { staticDir: values['static-dir'] } : {}),
    },
  };
}

function usageError(message: string): ParsedHostArgs {
  return { error: `${message}\n${HOST_USAGE}`, exitCode: 2 };
}
