// Every button that spends (Generate, ⌘/Ctrl+Enter, Retry) goes through here. The rule itself —
// the limit, what is free, what a double request is — lives in the core's spend guard
// (electron/core/spend): this store only relays it. It sends the request; when the core answers
// "needs confirmation" it holds the question for SpendConfirmDialog, and Confirm sends the same
// request again carrying the amount the user agreed to. It also locks the buttons while a request
// is in flight, so a double click does not even reach the core twice.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RerunKind, SpendQuote, TransitionRequest, VeoApi } from '../../shared/contract';
import type { JobRecord } from '../../shared/domain';
import { describeIpcError } from '../api/errors';
import { generateBlocker } from './create-form';
import type { CreateStore } from './create-store';
import type { JobsStore } from './jobs-store';
import type { KeyReadiness } from './settings-store';
import type { ToastStore } from './toast-store';
import { tr } from '../i18n/intl';

export type SpendAction =
  | { kind: 'generate'; key: KeyReadiness }
  | { kind: 'rerun'; id: string; as: RerunKind }
  | { kind: 'transition'; request: TransitionRequest };

/** The core's quote for a press above the limit, and what to send again once confirmed. */
export interface PendingSpend extends SpendQuote {
  action: SpendAction;
}

export interface SpendGuardState {
  pending?: PendingSpend;
  /** A Generate press is on its way to the core: Generate is locked. */
  generating: boolean;
  /** Jobs whose Retry is on its way to the core: their Retry buttons are locked. */
  retrying: ReadonlySet<string>;
  /** Submits the Create form (one job per picture), or asks first when the core says so. */
  requestGenerate(key: KeyReadiness): Promise<JobRecord[]>;
  /** Re-runs a job as a new one (a new charge) — again, as another take, or as a draft's final — or asks first when the core says so. */
  requestRerun(id: string, as?: RerunKind): Promise<JobRecord | undefined>;
  /** "Transition to…": one first–last-frame job between two takes (pictures already prepared), or asks first. */
  requestTransition(request: TransitionRequest): Promise<JobRecord | undefined>;
  confirm(): Promise<JobRecord[]>;
  cancel(): void;
}

export type SpendGuardStore = StoreApi<SpendGuardState>;

export interface SpendGuardDeps {
  api: VeoApi;
  create: CreateStore;
  jobs: JobsStore;
  toasts: ToastStore;
}

export function createSpendGuardStore({ api, create, jobs, toasts }: SpendGuardDeps): SpendGuardStore {
  return createStore<SpendGuardState>((set, get) => {
    const ask = (action: SpendAction) => (quote: SpendQuote) => set({ pending: { ...quote, action } });

    const generate = async (key: KeyReadiness, confirmedUsd?: number): Promise<JobRecord[]> => {
      set({ generating: true });
      try {
        return await create.getState().submit(key, { confirmedUsd, onNeedsConfirmation: ask({ kind: 'generate', key }) });
      } finally {
        set({ generating: false });
      }
    };

    const rerun = async (id: string, as: RerunKind, confirmedUsd?: number): Promise<JobRecord | undefined> => {
      if (get().retrying.has(id)) return undefined;
      set({ retrying: new Set([...get().retrying, id]) });
      try {
        const result = await api.jobs.rerun({ id, ...(as !== 'retry' ? { as } : {}), ...(confirmedUsd !== undefined ? { confirmedUsd } : {}) });
        if (result.ok) {
          jobs.getState().applyUpdated(result.value);
          return result.value;
        }
        if (result.error.needsConfirmation) ask({ kind: 'rerun', id, as })(result.error.needsConfirmation);
        else toasts.getState().error(describeIpcError(result.error, tr('create.start.rerunFailed')));
        return undefined;
      } finally {
        const retrying = new Set(get().retrying);
        retrying.delete(id);
        set({ retrying });
      }
    };

    const transition = async (request: TransitionRequest, confirmedUsd?: number): Promise<JobRecord | undefined> => {
      const result = await api.jobs.create({ ...request, ...(confirmedUsd !== undefined ? { confirmedUsd } : {}) });
      if (result.ok) {
        jobs.getState().applyUpdated(result.value);
        return result.value;
      }
      if (result.error.needsConfirmation) ask({ kind: 'transition', request })(result.error.needsConfirmation);
      else toasts.getState().error(describeIpcError(result.error, tr('create.start.transitionFailed')));
      return undefined;
    };

    return {
      generating: false,
      retrying: new Set(),

      async requestGenerate(key) {
        // Nothing to ask when Generate could not run anyway, or is already on its way.
        if (get().pending || get().generating || generateBlocker(create.getState(), key)) return [];
        return generate(key);
      },

      async requestRerun(id, as = 'retry') {
        if (get().pending) return undefined;
        return rerun(id, as);
      },

      async requestTransition(request) {
        if (get().pending) return undefined;
        return transition(request);
      },

      async confirm() {
        const pending = get().pending;
        if (!pending) return [];
        set({ pending: undefined });
        if (pending.action.kind === 'generate') return generate(pending.action.key, pending.usd);
        const record =
          pending.action.kind === 'transition' ? await transition(pending.action.request, pending.usd) : await rerun(pending.action.id, pending.action.as, pending.usd);
        return record ? [record] : [];
      },

      cancel() {
        set({ pending: undefined });
      },
    };
  });
}
