// "Confirm before spending more than $X": every Generate (button or ⌘/Ctrl+Enter) goes through
// here. Below the limit, or with no limit set, it submits at once; above it, it holds the request
// until the user confirms or cancels the dialog. Kept apart from the create store on purpose: the
// guard is a policy on top of submitting, not part of the form.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JobRecord } from '../../shared/domain';
import { estimateTotalUsd, generateBlocker } from './create-form';
import type { CreateStore } from './create-store';
import type { KeyReadiness, SettingsStore } from './settings-store';

export interface PendingSpend {
  /** The estimate of everything this press would start. */
  usd: number;
  limit: number;
  jobs: number;
  key: KeyReadiness;
}

export interface SpendGuardState {
  pending?: PendingSpend;
  /** Submits, or asks first when the estimate is above the limit. */
  requestGenerate(key: KeyReadiness): Promise<JobRecord[]>;
  confirm(): Promise<JobRecord[]>;
  cancel(): void;
}

export type SpendGuardStore = StoreApi<SpendGuardState>;

export function createSpendGuardStore({ create, settings }: { create: CreateStore; settings: SettingsStore }): SpendGuardStore {
  return createStore<SpendGuardState>((set, get) => ({
    async requestGenerate(key) {
      const form = create.getState();
      // Nothing to confirm when Generate could not run anyway; submit() explains nothing either.
      if (get().pending || generateBlocker(form, key)) return [];
      const limit = settings.getState().settings?.confirmAboveUsd;
      const jobs = Math.max(1, form.images.length);
      const usd = estimateTotalUsd(form, jobs);
      if (limit !== undefined && usd > limit) {
        set({ pending: { usd, limit, jobs, key } });
        return [];
      }
      return form.submit(key);
    },

    async confirm() {
      const pending = get().pending;
      if (!pending) return [];
      set({ pending: undefined });
      return create.getState().submit(pending.key);
    },

    cancel() {
      set({ pending: undefined });
    },
  }));
}
