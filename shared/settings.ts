// User preferences shared by the desktop app and the CLI (stored as settings.json in the data
// folder). Never holds the API key: that lives in the OS keychain only.
import { z } from 'zod';
import { PROVIDERS } from './domain';
import { LANGUAGE_SETTINGS } from './i18n/locales';

export const THEMES = ['system', 'light', 'dark'] as const;

export const SettingsSchema = z.object({
  provider: z.enum(PROVIDERS).default('aggregator'),
  /** Per-provider base URL overrides; absent means the provider's default. */
  apiBase: z.partialRecord(z.enum(PROVIDERS), z.string().url()).default({}),
  concurrency: z.number().int().min(1).max(8).default(2),
  /** Where "Save video as…" starts; the library itself always lives in the data folder. */
  downloadDir: z.string().optional(),
  notifications: z.boolean().default(true),
  theme: z.enum(THEMES).default('system'),
  /** The UI's language: the OS/browser's on 'system'; the CLI always speaks English. */
  language: z.enum(LANGUAGE_SETTINGS).default('system'),
  /** Ask before a Generate whose estimate is above this many dollars; absent = never ask. */
  confirmAboveUsd: z.number().min(0).max(100_000).optional(),
  /** HTTP proxy for the API and downloads: absent = automatic (system, then HTTPS_PROXY…), "direct", or http://host:port. */
  proxy: z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === '' || v === 'direct' || /^(https?:\/\/)?[^\s/]+(:\d+)?\/?$/i.test(v), 'Use http://host:port, or "direct".')
    .optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * A field as a patch carries it: without its default (it would be filled in for a key the patch
 * leaves out), and a setting with no default takes null to clear it (a JSON frame, as the browser
 * host's WebSocket sends, drops `undefined`).
 */
type AsPatchField<T> = T extends z.ZodDefault<infer Inner> ? Inner : T extends z.ZodOptional<infer Inner> ? z.ZodNullable<Inner> : T;

function asPatchFields<Shape extends z.ZodRawShape>(shape: Shape): { [K in keyof Shape]: AsPatchField<Shape[K]> } {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    out[key] = field instanceof z.ZodDefault ? field.unwrap() : field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType).nullable() : field;
  }
  return out as { [K in keyof Shape]: AsPatchField<Shape[K]> };
}

/**
 * A partial update, derived field by field from SettingsSchema (a setting added there can be
 * patched at once, and cleared with null if it has no default). Not `SettingsSchema.partial()`:
 * zod 4 would fill every default into the patch, so saving one field would silently reset all the
 * others.
 */
export const SettingsPatchSchema = z.object(asPatchFields(SettingsSchema.shape)).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** The patch as settings: null (cleared) becomes absent; the proxy's "" means automatic too. */
export function patchToSettings(patch: SettingsPatch): Partial<Settings> {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) next[key] = value === null ? undefined : value;
  if (patch.proxy === '') next.proxy = undefined;
  return next as Partial<Settings>;
}
