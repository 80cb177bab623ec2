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
  /** Called with every job update; refreshes when the provider accepted a job or refused one for quota. */
  noteJob(record: JobRecord): void;
  /** The key went away: nothing to show, and an answer still on its way is dropped. */
  clear(): void;
}

export type BalanceStore = StoreApi<BalanceState>;

export function createBalanceStore(api: VeoApi): BalanceStore {
  const noted = new Set<string>();
  let inFlight: Promise<void> | undefined;
  /** A refresh was asked while one was running: its answer may predate what changed, so ask again. */
  let again = false;
  /** Bumped by clear(): answers to questions asked before it are stale. */
  let generation = 0;
  return createStore<BalanceState>((set, get) => ({
    loading: false,
    refresh() {
      if (inFlight) {
        again = true;
        return inFlight;
      }
      const asked = generation;
      inFlight = (async () => {
        set({ loading: true });
        const result = await api.account.balance();
        if (asked !== generation) return;
        set({ loading: false, ...(result.ok ? { info: result.value } : { info: undefined }) });
      })().finally(() => {
        inFlight = undefined;
        if (again) {
          again = false;
          void get().refresh();
        }
      });
      return inFlight;
    },
    noteJob(record) {
      // Accepted (first record with a request id): the price left the balance.
      if (record.requestId !== undefined && !noted.has(record.id)) {
        noted.add(record.id);
        void get().refresh();
      }
      // Refused for quota: the provider just told us the balance is short; show what it really is.
      const refusal = `${record.id}:quota`;
      if (record.error?.kind === 'quota' && !noted.has(refusal)) {
        noted.add(refusal);
        void get().refresh();
      }
    },
    clear() {
      generation++;
      again = false;
      set({ info: undefined, loading: false });
    },
  }));
}

/** Beyond this a "balance" is not dollars (quota units, an unlimited marker, garbage): hide it. */
const MAX_PLAUSIBLE_USD = 1_000_000;

/**
 * The dollars to show, or undefined when there is nothing to show (hidden chip, no warning). An
 * overdrawn account shows $0 left, never a negative amount.
 */
export function shownBalance(info: BalanceInfo | undefined): number | undefined {
  const usd = info?.balanceUsd;
  if (typeof usd !== 'number' || !Number.isFinite(usd) || Math.abs(usd) > MAX_PLAUSIBLE_USD) return undefined;
  return Math.max(0, usd);
}
