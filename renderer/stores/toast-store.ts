// Transient notices (errors, "Deleted — Undo"). The store only holds them; the Toasts component owns
// the timers, so the store stays trivially testable.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FriendlyError } from '../api/errors';

export type ToastTone = 'info' | 'success' | 'error';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  message?: string;
  details?: string;
  /** The provider's own words about a failure, shown as they came. */
  providerWords?: string;
  action?: ToastAction;
  /**
   * What the notice is about ("key:aggregator", "library:delete"). A newer notice on the same topic
   * replaces the older one, so "Could not check the key" does not linger beside "API key saved".
   */
  topic?: string;
}

export interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  error(error: FriendlyError, topic?: string): number;
  dismiss(id: number): void;
  /** Its subject is settled (the deletion was undone): the notice about it goes. */
  dismissTopic(topic: string): void;
}

export type ToastStore = StoreApi<ToastState>;

/** Older notices give way so the stack never covers the window. */
const MAX_TOASTS = 4;

/**
 * How long a notice stays (paused while hovered or focused). One with an action (Undo) stays long
 * enough to notice, read, and reach: its key (⌘/Ctrl+Z) works for as long as it shows and after.
 */
export function toastLifetimeMs(toast: Pick<Toast, 'tone' | 'action'>): number {
  if (toast.action) return 15_000;
  return { info: 6000, success: 4000, error: 10_000 }[toast.tone];
}

export function createToastStore(): ToastStore {
  let nextId = 1;
  return createStore<ToastState>((set, get) => ({
    toasts: [],
    push(toast) {
      const id = nextId++;
      const others = toast.topic ? get().toasts.filter((t) => t.topic !== toast.topic) : get().toasts;
      set({ toasts: [...others, { ...toast, id }].slice(-MAX_TOASTS) });
      return id;
    },
    error(error, topic) {
      return get().push({ tone: 'error', title: error.title, message: error.message, details: error.details, ...(error.providerWords ? { providerWords: error.providerWords } : {}), ...(topic ? { topic } : {}) });
    },
    dismiss(id) {
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
    dismissTopic(topic) {
      set({ toasts: get().toasts.filter((t) => t.topic !== topic) });
    },
  }));
}
