// The balance behind the current provider's key, for the chip next to the provider and the warning
// on Generate. Refreshed on load, when the target changes, after each job the provider accepted
// (its first record with a request id), and on demand. A provider that does not say is not an
// error: `info.balanceUsd` is null and the chip simply hides.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BalanceInfo } from '../../shared/account';
import type { VeoApi } from '../../shared/contract';
import type { JobRecord } from '../../shared/domain';

export interface BalanceState {
  info?: BalanceInfo;
  loading: boolean;
  refresh(): Promise<void>;
  /** Called with every job update; refreshes once per job, when the provider has accepted it. */
  noteJob(record: JobRecord): void;
}

export type BalanceStore = StoreApi<BalanceState>;

export function createBalanceStore(api: VeoApi): BalanceStore {
  const accepted = new Set<string>();
  let inFlight: Promise<void> | undefined;
  return createStore<BalanceState>((set, get) => ({
    loading: false,
    refresh() {
      // One question at a time: a burst of accepted jobs asks once more after the current answer.
      inFlight ??= (async () => {
        set({ loading: true });
        const result = await api.account.balance();
        set({ loading: false, ...(result.ok ? { info: result.value } : { info: undefined }) });
      })().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    noteJob(record) {
      if (record.requestId === undefined || accepted.has(record.id)) return;
      accepted.add(record.id);
      void get().refresh();
    },
  }));
}

/** The dollars to show, or undefined when there is nothing to show (hidden chip, no warning). */
export function shownBalance(info: BalanceInfo | undefined): number | undefined {
  return info?.balanceUsd ?? undefined;
}
