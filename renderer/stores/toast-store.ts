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
  action?: ToastAction;
}

export interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  error(error: FriendlyError): number;
  dismiss(id: number): void;
}

export type ToastStore = StoreApi<ToastState>;

/** Older notices give way so the stack never covers the window. */
const MAX_TOASTS = 4;

export function createToastStore(): ToastStore {
  let nextId = 1;
  return createStore<ToastState>((set, get) => ({
    toasts: [],
    push(toast) {
      const id = nextId++;
      set({ toasts: [...get().toasts, { ...toast, id }].slice(-MAX_TOASTS) });
      return id;
    },
    error(error) {
      return get().push({ tone: 'error', title: error.title, message: error.message, details: error.details });
    },
    dismiss(id) {
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
  }));
}
