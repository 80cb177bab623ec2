// React bindings for the vanilla stores: one context carries the whole set, and each hook reads a
// slice with a selector so components re-render only when their slice changes.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './app-store';
import type { CreateState } from './create-store';
import type { Stores } from './index';
import type { JobsState } from './jobs-store';
import type { LibraryState } from './library-store';
import { keyReadiness, type KeyReadiness, type SettingsState } from './settings-store';
import type { ToastState } from './toast-store';

export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresContext is missing: render inside <StoresContext value={stores}>.');
  return stores;
}

export const useApp = <T>(selector: (s: AppState) => T): T => useStore(useStores().app, selector);
export const useToasts = <T>(selector: (s: ToastState) => T): T => useStore(useStores().toasts, selector);
export const useSettings = <T>(selector: (s: SettingsState) => T): T => useStore(useStores().settings, selector);
export const useJobs = <T>(selector: (s: JobsState) => T): T => useStore(useStores().jobs, selector);
export const useLibrary = <T>(selector: (s: LibraryState) => T): T => useStore(useStores().library, selector);
export const useCreate = <T>(selector: (s: CreateState) => T): T => useStore(useStores().create, selector);

/** The provider new jobs go to: app:info knows command-line overrides, settings the user's choice. */
export function useEffectiveProvider() {
  const infoProvider = useApp((s) => s.info?.provider);
  const settingsProvider = useSettings((s) => s.settings?.provider);
  return infoProvider ?? settingsProvider;
}

export function useKeyReadiness(): KeyReadiness {
  const provider = useEffectiveProvider();
  const keys = useSettings((s) => s.keys);
  return keyReadiness(provider, keys);
}
