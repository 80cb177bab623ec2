// Compare two jobs: the user starts from one job ("Compare with…"), picks a second card, and the
// Compare view opens over the window. Only finished videos can be compared — both must play.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JobRecord } from '../../shared/domain';
import { tr } from '../i18n/intl';
import type { ToastStore } from './toast-store';

export type CompareMode = 'side-by-side' | 'wipe';

export interface CompareState {
  /** The first job, while the user chooses the second. */
  picking?: JobRecord;
  /** The two jobs on screen; the Compare view is open while this is set. */
  pair?: readonly [JobRecord, JobRecord];
  mode: CompareMode;
  /** 0–100: how much of the first video the wipe shows, from the left. */
  wipePosition: number;
  startPicking(first: JobRecord): void;
  cancelPicking(): void;
  /** Takes `second` as the other half of the pair; false (with a toast) when it cannot be compared. */
  pick(second: JobRecord): boolean;
  open(a: JobRecord, b: JobRecord): boolean;
  close(): void;
  setMode(mode: CompareMode): void;
  setWipePosition(position: number): void;
}

export type CompareStore = StoreApi<CompareState>;

const comparable = (r: JobRecord): boolean => r.state === 'completed' && !!r.videoPath;

export function createCompareStore({ toasts }: { toasts: ToastStore }): CompareStore {
  return createStore<CompareState>((set, get) => ({
    mode: 'side-by-side',
    wipePosition: 50,
    startPicking(first) {
      if (!comparable(first)) {
        toasts.getState().push({ tone: 'error', title: tr('compare.onlyFinished') });
        return;
      }
      set({ picking: first });
    },
    cancelPicking: () => set({ picking: undefined }),
    pick(second) {
      const first = get().picking;
      if (!first) return false;
      if (second.id === first.id) {
        toasts.getState().push({ tone: 'info', title: tr('compare.chooseDifferent') });
        return false;
      }
      return get().open(first, second);
    },
    open(a, b) {
      if (!comparable(a) || !comparable(b)) {
        toasts.getState().push({ tone: 'error', title: tr('compare.onlyFinished') });
        return false;
      }
      set({ pair: [a, b], picking: undefined });
      return true;
    },
    close: () => set({ pair: undefined, picking: undefined }),
    setMode: (mode) => set({ mode }),
    setWipePosition: (position) => set({ wipePosition: Math.max(0, Math.min(100, Math.round(position))) }),
  }));
}
