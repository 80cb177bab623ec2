// Builds every store from one API and wires them to each other and to the core's events. Nothing
// here touches the DOM, so tests can build the whole set against a fake VeoApi.
import { eventChannels, type VeoApi } from '../../shared/contract';
import { createAppStore, type AppStore } from './app-store';
import { runCommand } from './commands';
import { createBalanceStore, type BalanceStore } from './balance-store';
import { createCompareStore, type CompareStore } from './compare-store';
import { createCreateStore, type CreateStore, type KeyValueStorage } from './create-store';
import { createJobsStore, type JobsStore } from './jobs-store';
import { createLibraryStore, type LibraryStore } from './library-store';
import { createPortableStore, type PortableStore } from './portable-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createSpendGuardStore, type SpendGuardStore } from './spend-guard';
import { createToastStore, type ToastStore } from './toast-store';

export { listenForOpenedImages } from './open-images';

export interface Stores {
  /** The API the stores were built on, for one-off actions that keep no state (save a file…). */
  api: VeoApi;
  app: AppStore;
  toasts: ToastStore;
  settings: SettingsStore;
  jobs: JobsStore;
  library: LibraryStore;
  /** Checked cards + export/import of a portable library folder. */
  portable: PortableStore;
  create: CreateStore;
  /** Every Generate and Retry goes through it: relays the core's spend guard, locks the buttons. */
  spendGuard: SpendGuardStore;
  compare: CompareStore;
  /** The provider's balance (chip + Generate warning); hidden when the provider does not say. */
  balance: BalanceStore;
}

export interface StoreOptions {
  storage?: KeyValueStorage;
  now?: () => number;
}

export function createStores(api: VeoApi, opts: StoreOptions = {}): Stores {
  const toasts = createToastStore();
  const app = createAppStore(api, opts.storage);
  const jobs = createJobsStore({ api, toasts, now: opts.now });
  const balance = createBalanceStore(api);
  const settings = createSettingsStore({
    api,
    toasts,
    onTargetChanged: async () => {
      await app.getState().loadInfo();
      const provider = app.getState().info?.provider;
      if (provider) await settings.getState().refreshKey(provider);
      void balance.getState().refresh();
    },
    onKeySaved: () => void balance.getState().refresh(),
    onKeyRemoved: (provider) => {
      if (app.getState().info?.provider === provider) balance.getState().clear();
    },
  });
  const library = createLibraryStore({
    api,
    toasts,
    storage: opts.storage,
    onDeleted: (id) => jobs.getState().forget(id),
    onRestored: (record) => jobs.getState().applyUpdated(record),
  });
  const create = createCreateStore({
    api,
    toasts,
    storage: opts.storage,
    onCreated: (record) => jobs.getState().applyUpdated(record),
  });
  const compare = createCompareStore({ toasts });
  const spendGuard = createSpendGuardStore({ api, create, jobs, toasts });
  const portable = createPortableStore({ api, toasts, library });
  return { api, app, toasts, settings, jobs, library, create, compare, spendGuard, portable, balance };
}

/** Loads everything a fresh (or re-connected) window needs. */
export async function loadInitialState(stores: Stores): Promise<void> {
  await stores.app.getState().loadInfo();
  const provider = stores.app.getState().info?.provider;
  await Promise.all([
    stores.settings.getState().load(provider ? [provider] : []),
    stores.jobs.getState().load(),
    stores.library.getState().refresh(),
    stores.balance.getState().refresh(),
  ]);
}

/**
 * Subscribes the stores to the core's events; returns the unsubscribe (for a React effect).
 * Library changes arrive in bursts (a job writes several times a second while downloading), so
 * the library re-reads at most once per `refreshDelayMs`.
 */
export function connectEvents(api: VeoApi, stores: Stores, refreshDelayMs = 400): () => void {
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleLibraryRefresh = (): void => {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void stores.library.getState().refresh();
    }, refreshDelayMs);
  };

  const offs = [
    api.on('job:updated', (record) => {
      stores.jobs.getState().applyUpdated(record);
      stores.library.getState().applyUpdated(record);
      stores.balance.getState().noteJob(record);
    }),
    api.on('job:progress', (progress) => stores.jobs.getState().applyProgress(progress)),
    api.on('library:changed', (change) => {
      if (change.type === 'delete') stores.jobs.getState().forget(change.id);
      scheduleLibraryRefresh();
    }),
    api.on('app:command', (payload) => {
      // A shell newer than this page may send a command it does not know yet: ignore it.
      const known = eventChannels['app:command'].safeParse(payload);
      if (known.success) runCommand(stores, known.data);
    }),
    // `app:openImage` is not here: it must be heard before React mounts (listenForOpenedImages).
  ];
  return () => {
    clearTimeout(refreshTimer);
    for (const off of offs) off();
  };
}
