// Command-line parsing: one table of options (node:util parseArgs, strict), then a check that each
// command was only given the options it understands, so a typo never silently does something else.
import { parseArgs } from 'node:util';
import { PROVIDERS, type Provider } from '../../shared/domain';
import { API_BASE_NEEDS_PROVIDER } from '../core';
import { UsageError } from './errors';

const OPTIONS = {
  'data-dir': { type: 'string' },
  provider: { type: 'string' },
  'api-base': { type: 'string' },
  model: { type: 'string' },
  image: { type: 'string' },
  'last-frame': { type: 'string' },
  prompt: { type: 'string' },
  'aspect-ratio': { type: 'string' },
  duration: { type: 'string' },
  resolution: { type: 'string' },
  'no-audio': { type: 'boolean' },
  'negative-prompt': { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  'confirm-spend': { type: 'string' },
  json: { type: 'boolean' },
  search: { type: 'string' },
  status: { type: 'string' },
  'no-check': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;
export type ParsedOptions = { [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

const GLOBAL: OptionName[] = ['data-dir', 'provider', 'api-base', 'help'];
const PER_COMMAND: Record<string, OptionName[]> = {
  key: ['no-check'],
  balance: ['json'],
  models: ['json'],
  generate: ['model', 'image', 'last-frame', 'prompt', 'aspect-ratio', 'duration', 'resolution', 'no-audio', 'negative-prompt', 'seed', 'out', 'confirm-spend', 'json'],
  resume: ['json'],
  list: ['search', 'status', 'json'],
  show: ['json'],
  cancel: ['json'],
};

export interface Invocation {
  command: string | undefined;
  args: string[];
  options: ParsedOptions;
  provider?: Provider;
}

export function parseInvocation(argv: string[]): Invocation {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run with --help to see the options.`);
  }
  const options = parsed.values as ParsedOptions;
  const [command, ...args] = parsed.positionals;
  if (command !== undefined && !(command in PER_COMMAND)) {
    throw new UsageError(`Unknown command "${command}". Run with --help to see the commands.`);
  }
  if (command) {
    const allowed = new Set([...GLOBAL, ...(PER_COMMAND[command] ?? [])]);
    const stray = (Object.keys(options) as OptionName[]).filter((k) => !allowed.has(k));
    if (stray.length) throw new UsageError(`"${command}" does not take --${stray.join(', --')}.`);
  }
  const provider = options.provider;
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new UsageError(`--provider must be one of ${PROVIDERS.join(', ')} (got "${provider}").`);
  }
  if (options['api-base'] !== undefined && provider === undefined) throw new UsageError(API_BASE_NEEDS_PROVIDER);
  // The video's settings go to <name>.json beside it: a video named .json would be that file (F7).
  if (options.out !== undefined && /\.json$/i.test(options.out)) {
    throw new UsageError(`--out names the video: give it a .mp4 name (got "${options.out}"); its settings are written beside it as .json.`);
  }
  return { command, args, options, ...(provider ? { provider: provider as Provider } : {}) };
}
