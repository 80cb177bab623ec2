// Preferences and the key's *status*. The key itself passes through saveKey() on its way to the
// keychain and is never kept here: the renderer only ever learns "set" and the last four characters.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KeyCheckResult } from '../../shared/account';
import type { KeyStatusInfo, VeoApi } from '../../shared/contract';
import type { Provider } from '../../shared/domain';
import { needsKey } from '../../shared/providers';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { renderMessage } from '../../shared/i18n/messages';
import { describeIpcError } from '../api/errors';
import { currentLocale, tr } from '../i18n/intl';
import type { ToastStore } from './toast-store';

export interface SettingsState {
  settings?: Settings;
  /** Key status per provider, as far as we have asked. */
  keys: Partial<Record<Provider, KeyStatusInfo>>;
  /** Why the key status could not be read (e.g. no keychain service), per provider. */
  keyErrors: Partial<Record<Provider, string>>;
  loadError?: string;
  savingKey: boolean;
  /** What the provider said about the last key typed, per provider (works / rejected / unchecked). */
  keyChecks: Partial<Record<Provider, KeyCheckResult>>;
  /** Why the key typed cannot be a key at all (too short, spaces…): shown under the field, not as a toast. */
  keyInputProblems: Partial<Record<Provider, string>>;
  load(providers?: Provider[]): Promise<void>;
  update(patch: SettingsPatch): Promise<boolean>;
  refreshKey(provider: Provider): Promise<void>;
  /** Checks the key with the provider (free), then saves it unless it was rejected; `force` skips the check. */
  saveKey(provider: Provider, key: string, opts?: { force?: boolean }): Promise<boolean>;
  removeKey(provider: Provider): Promise<boolean>;
}

export type SettingsStore = StoreApi<SettingsState>;

export interface SettingsDeps {
  api: VeoApi;
  toasts: ToastStore;
  /** Provider or base URL changed: app:info (where new jobs go) must be read again. */
  onTargetChanged?: () => Promise<void> | void;
  /** A key was saved: what it can spend may have changed. */
  onKeySaved?: () => void;
  /** A key was removed: nothing it could spend is worth showing any more. */
  onKeyRemoved?: (provider: Provider) => void;
}

export type KeyReadiness = 'ready' | 'missing' | 'checking';

/** Whether jobs can be sent to `provider` as far as the key goes (some providers need none). */
export function keyReadiness(provider: Provider | undefined, keys: SettingsState['keys']): KeyReadiness {
  if (!provider) return 'checking';
  if (!needsKey(provider)) return 'ready';
  const status = keys[provider];
  if (!status) return 'checking';
  return status.isSet ? 'ready' : 'missing';
}

export function createSettingsStore({ api, toasts, onTargetChanged, onKeySaved, onKeyRemoved }: SettingsDeps): SettingsStore {
  return createStore<SettingsState>((set, get) => ({
    keys: {},
    keyErrors: {},
    keyChecks: {},
    keyInputProblems: {},
    savingKey: false,

    async load(extraProviders = []) {
      const result = await api.settings.get();
      if (!result.ok) {
        set({ loadError: describeIpcError(result.error).message });
        return;
      }
      set({ settings: result.value, loadError: undefined });
      const providers = new Set<Provider>([result.value.provider, ...extraProviders]);
      await Promise.all([...providers].map((p) => get().refreshKey(p)));
    },

    async update(patch) {
      const before = get().settings;
      const result = await api.settings.update(patch);
      if (!result.ok) {
        toasts.getState().error(describeIpcError(result.error, tr('settings.toast.saveFailed')));
        return false;
      }
      set({ settings: result.value });
      const targetChanged =
        before?.provider !== result.value.provider || JSON.stringify(before?.apiBase) !== JSON.stringify(result.value.apiBase);
      if (targetChanged) {
        await get().refreshKey(result.value.provider);
        await onTargetChanged?.();
      }
      return true;
    },

    async refreshKey(provider) {
      if (!needsKey(provider)) {
        set({ keys: { ...get().keys, [provider]: { isSet: false } } });
        return;
      }
      const result = await api.key.status({ provider });
      const keyErrors = { ...get().keyErrors };
      delete keyErrors[provider];
      if (result.ok) {
        set({ keys: { ...get().keys, [provider]: result.value }, keyErrors });
      } else {
        // Unreadable counts as "no key": jobs would fail without one, and the key form shows why.
        set({ keys: { ...get().keys, [provider]: { isSet: false } }, keyErrors: { ...keyErrors, [provider]: renderMessage(currentLocale(), result.error) } });
      }
    },

    async saveKey(provider, key, opts = {}) {
      const trimmed = key.trim();
      if (!trimmed) return false;
      const keyInputProblems = { ...get().keyInputProblems };
      delete keyInputProblems[provider];
      set({ savingKey: true, keyInputProblems });
      // Every notice about this provider's key replaces the last one ("Saved" never sits beside a stale error).
      const topic = `key:${provider}`;
      if (!opts.force) {
        const check = await api.key.check({ provider, key: trimmed });
        if (!check.ok) {
          set({ savingKey: false });
          // A malformed key is a problem with what was typed: it belongs under the field.
          if (check.error.kind === 'invalid_input') set({ keyInputProblems: { ...get().keyInputProblems, [provider]: renderMessage(currentLocale(), check.error) } });
          else toasts.getState().error(describeIpcError(check.error, tr('settings.toast.checkFailed')), topic);
          return false;
        }
        set({ keyChecks: { ...get().keyChecks, [provider]: check.value } });
        // A key the provider refused is not saved; offline ("unchecked") is no reason not to.
        if (check.value.verdict === 'rejected') {
          set({ savingKey: false });
          return false;
        }
      }
      const result = await api.key.set({ provider, key: trimmed });
      set({ savingKey: false });
      if (!result.ok) {
        toasts.getState().error(describeIpcError(result.error, tr('settings.toast.keySaveFailed')), topic);
        return false;
      }
      // Only the status the core echoes back is kept, never what was typed.
      const keyErrors = { ...get().keyErrors };
      delete keyErrors[provider];
      set({ keys: { ...get().keys, [provider]: { isSet: result.value.isSet, last4: result.value.last4 } }, keyErrors });
      toasts.getState().push({ tone: 'success', title: tr('settings.toast.keySaved'), message: tr('settings.toast.keySavedText'), topic });
      onKeySaved?.();
      return true;
    },

    async removeKey(provider) {
      const result = await api.key.clear({ provider });
      if (!result.ok) {
        toasts.getState().error(describeIpcError(result.error, tr('settings.toast.keyRemoveFailed')), `key:${provider}`);
        return false;
      }
      set({ keys: { ...get().keys, [provider]: result.value } });
      onKeyRemoved?.(provider);
      toasts.getState().push({ tone: 'info', title: tr('settings.toast.keyRemoved'), topic: `key:${provider}` });
      return true;
    },
  }));
}
