// Portable library, renderer side: which Library cards are checked for export, and the export /
// import actions. The desktop asks the OS for a folder (library:exportPick / importPick); the
// browser host has no native dialog, so when the core answers `unsupported` we ask for a typed path
// instead (`folderPrompt`) — the host runs on the same machine as the browser.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcResult, PortableExportResult, PortableImportResult, VeoApi } from '../../shared/contract';
import { describeIpcError } from '../api/errors';
import { tr } from '../i18n/intl';
import type { LibraryStore } from './library-store';
import type { ToastStore } from './toast-store';

export interface FolderPrompt {
  purpose: 'export' | 'import';
  /** Export only: the checked jobs, or undefined for everything. */
  ids?: string[];
}

export interface PortableState {
  /** "Select" mode: cards show a checkbox, Space toggles the focused one. */
  selecting: boolean;
  /** Checked job ids (insertion order). */
  checked: string[];
  busy: boolean;
  /** Set while the typed-path form is showing. */
  folderPrompt?: FolderPrompt;
  setSelecting(on: boolean): void;
  toggle(id: string): void;
  /** Checks every id given (the loaded, visible cards) and turns "Select" mode on. */
  checkAll(ids: string[]): void;
  clear(): void;
  exportSelection(): Promise<void>;
  exportAll(): Promise<void>;
  importLibrary(): Promise<void>;
  /** Runs the prompted action on a typed folder; resolves false (form stays) if the core refused it. */
  submitFolder(path: string): Promise<boolean>;
  cancelFolderPrompt(): void;
}

export type PortableStore = StoreApi<PortableState>;

export interface PortableDeps {
  api: VeoApi;
  toasts: ToastStore;
  library: LibraryStore;
}

export function describeExport(r: PortableExportResult): string {
  return tr('library.portable.exported', { count: r.exported, dest: r.dest });
}

export function describeImport(r: PortableImportResult): string {
  return r.skipped > 0
    ? tr('library.portable.importedSkipped', { imported: r.imported, skipped: r.skipped })
    : tr('library.portable.imported', { imported: r.imported });
}

/** The words of each way of moving a library: the progress toast's and the failure's title. */
const RUN_WORDS = {
  export: { progress: 'library.portable.exporting', failed: 'library.portable.exportFailed' },
  import: { progress: 'library.portable.importing', failed: 'library.portable.importFailed' },
} as const;

export function createPortableStore({ api, toasts, library }: PortableDeps): PortableStore {
  return createStore<PortableState>((set, get) => {
    const report = (title: string, problems: string[]) => {
      toasts.getState().push({
        tone: problems.length > 0 ? 'error' : 'success',
        title,
        ...(problems.length > 0
          ? { message: tr('library.portable.problems', { count: problems.length }), details: problems.join('\n') }
          : {}),
      });
    };

    /** Busy flag, progress toast, failure toast; `work` answers undefined when the user cancelled. */
    const run = async <T>(purpose: FolderPrompt['purpose'], work: () => Promise<IpcResult<T | null> | undefined>, onDone: (value: T) => void) => {
      if (get().busy) return false;
      set({ busy: true });
      const progress = toasts.getState().push({ tone: 'info', title: tr(RUN_WORDS[purpose].progress) });
      try {
        const result = await work();
        if (!result) return true;
        if (!result.ok) {
          toasts.getState().error(describeIpcError(result.error, tr(RUN_WORDS[purpose].failed)));
          return false;
        }
        if (result.value !== null) onDone(result.value);
        return true;
      } finally {
        toasts.getState().dismiss(progress);
        set({ busy: false });
      }
    };

    const finishExport = (r: PortableExportResult) => {
      report(describeExport(r), r.problems);
      set({ checked: [], selecting: false });
    };
    const finishImport = (r: PortableImportResult) => {
      report(describeImport(r), r.problems);
      void library.getState().refresh();
    };

    const startExport = async (ids: string[] | undefined) => {
      const input = ids ? { ids } : {};
      const picked = await api.library.exportPick(input);
      if (!picked.ok && picked.error.kind === 'unsupported') {
        set({ folderPrompt: { purpose: 'export', ...(ids ? { ids } : {}) } });
        return;
      }
      await run('export', async () => picked, finishExport);
    };

    return {
      selecting: false,
      checked: [],
      busy: false,

      setSelecting(on) {
        set(on ? { selecting: true } : { selecting: false, checked: [] });
      },
      toggle(id) {
        const { checked } = get();
        set({ selecting: true, checked: checked.includes(id) ? checked.filter((c) => c !== id) : [...checked, id] });
      },
      checkAll(ids) {
        set({ selecting: true, checked: [...new Set([...get().checked, ...ids])] });
      },
      clear() {
        set({ checked: [] });
      },

      async exportSelection() {
        if (get().checked.length === 0) return;
        await startExport(get().checked);
      },
      async exportAll() {
        await startExport(undefined);
      },
      async importLibrary() {
        const picked = await api.library.importPick();
        if (!picked.ok && picked.error.kind === 'unsupported') {
          set({ folderPrompt: { purpose: 'import' } });
          return;
        }
        await run('import', async () => picked, finishImport);
      },

      async submitFolder(path) {
        const prompt = get().folderPrompt;
        if (!prompt) return false;
        const ok =
          prompt.purpose === 'export'
            ? await run('export', () => api.library.export({ dest: path, ...(prompt.ids ? { ids: prompt.ids } : {}) }), finishExport)
            : await run('import', () => api.library.import({ src: path }), finishImport);
        if (ok) set({ folderPrompt: undefined });
        return ok;
      },
      cancelFolderPrompt() {
        set({ folderPrompt: undefined });
      },
    };
  });
}
