// The patch schema is derived from the settings schema: same keys, no defaults filled in.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings';

describe('settings patch', () => {
  it('can patch exactly the keys a setting has', () => {
    expect(Object.keys(SettingsPatchSchema.shape).sort()).toEqual(Object.keys(SettingsSchema.shape).sort());
    expectTypeOf<keyof SettingsPatch>().toEqualTypeOf<keyof Settings>();
  });

  it('carries only the fields it names (no defaults that would reset the others)', () => {
    expect(SettingsPatchSchema.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(SettingsPatchSchema.parse({ confirmAboveUsd: null })).toEqual({ confirmAboveUsd: null });
  });

  it('lets null clear every setting without a default (a JSON frame cannot carry undefined)', () => {
    for (const [key, field] of Object.entries(SettingsSchema.shape)) {
      if (field.safeParse(undefined).data !== undefined) continue; // has a default: nothing to clear
      expect(SettingsPatchSchema.safeParse({ [key]: null }).success, key).toBe(true);
    }
  });

  it('checks each field like the settings schema does, and refuses unknown keys', () => {
    expect(SettingsPatchSchema.safeParse({ concurrency: 0 }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ apiBase: { fal: 'not a url' } }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ colour: 'red' }).success).toBe(false);
    expect(SettingsPatchSchema.parse({ ...DEFAULT_SETTINGS })).toEqual(DEFAULT_SETTINGS);
  });
});
