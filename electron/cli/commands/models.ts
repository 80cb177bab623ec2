// `models [--json]`: the registry as a table a person or a script can read — every model's endpoint,
// what it accepts and its list price. Needs no key, no library and no network.
import { DEFAULT_MODEL, MODEL_LIST, type ModelSpec, type Rate, type Resolution } from '../../../shared/models';
import { formatUsd } from '../../../shared/pricing';
import { EXIT } from '../errors';
import type { CliIo } from '../io';

export interface ModelJson {
  id: string;
  label: string;
  default: boolean;
  queueApp: string;
  /** 'one' (--image) or 'firstLast' (--image and --last-frame). */
  pictures: ModelSpec['pictures'];
  finalModel: string | null;
  aspectRatios: readonly string[];
  durations: readonly string[];
  resolutions: readonly string[];
  negativePrompt: boolean;
  seed: boolean;
  /** List price in dollars per second, per resolution. */
  pricePerSecondUsd: Partial<Record<Resolution, Rate>>;
}

export const modelToJson = (m: ModelSpec): ModelJson => ({
  id: m.id,
  label: m.label,
  default: m.id === DEFAULT_MODEL,
  queueApp: m.queueApp,
  pictures: m.pictures,
  finalModel: m.finalModel ?? null,
  ...m.options,
  pricePerSecondUsd: m.prices,
});

function describeModel(m: ModelSpec): string {
  const prices = Object.entries(m.prices)
    .map(([res, rate]) => `${res} ${formatUsd(rate.silent)}/s silent, ${formatUsd(rate.withAudio)}/s with audio`)
    .join('; ');
  const extras = [m.pictures === 'firstLast' && '--last-frame (needs it)', m.options.negativePrompt && '--negative-prompt', m.options.seed && '--seed']
    .filter(Boolean)
    .join(', ');
  return [
    `${m.id}${m.id === DEFAULT_MODEL ? '  (default)' : ''}`,
    `  ${m.label} · ${m.options.resolutions.join('/')} · ${m.options.durations.join('/')}${extras ? ` · takes ${extras}` : ''}`,
    `  list price: ${prices}`,
  ].join('\n');
}

export function runModels(json: boolean, io: CliIo): number {
  io.out(json ? JSON.stringify(MODEL_LIST.map(modelToJson)) : MODEL_LIST.map(describeModel).join('\n'));
  return EXIT.ok;
}
