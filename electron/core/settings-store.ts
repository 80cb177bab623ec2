// Reads and writes settings.json. A missing file means defaults; a corrupt one is reported and
// replaced by defaults only in memory — the file is left for the user to inspect until the next save.
import { readFile } from 'node:fs/promises';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/settings';
import { writeFileAtomic } from './fs/atomic';
import { settingsFile } from './paths';

export interface LoadedSettings {
  settings: Settings;
  problem?: string;
}

export async function loadSettings(dataDir: string): Promise<LoadedSettings> {
  const file = settingsFile(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { settings: DEFAULT_SETTINGS };
    throw err;
  }
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { settings: parsed.data };
    return { settings: DEFAULT_SETTINGS, problem: `${file} has invalid values (${parsed.error.issues[0]?.message}); using defaults.` };
  } catch {
    return { settings: DEFAULT_SETTINGS, problem: `${file} is not valid JSON; using defaults.` };
  }
}

export async function saveSettings(dataDir: string, patch: Partial<Settings>): Promise<Settings> {
  const { settings } = await loadSettings(dataDir);
  const next = SettingsSchema.parse({ ...settings, ...patch });
  await writeFileAtomic(settingsFile(dataDir), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
