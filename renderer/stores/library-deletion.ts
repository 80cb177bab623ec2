// Deleting from the Library, one job or a selection, always undoable: the core moves deleted jobs
// to a trash (library:undoDelete brings one back), and the last deletion is remembered here so
// ⌘/Ctrl+Z, the menu's "Undo Delete" and the toast's Undo all restore exactly what went. Where the
// deleted card sat is remembered too, so the page can hand focus to the card that took its place.
// The ids are kept in the page's storage, so Undo survives a reload while the core's trash lasts.
import type { VeoApi } from '../../shared/contract';
import type { JobRecord } from '../../shared/domain';
import type { JobSummary } from '../../shared/job-summary';
import type { MessageId } from '../../shared/i18n/messages';
import { describeIpcError } from '../api/errors';
import { excerpt } from '../components/format';
import { tr } from '../i18n/intl';
import type { KeyValueStorage } from './create-store';
import type { ToastStore } from './toast-store';

export interface Deletion {
  ids: string[];
  /** Grid index of the first deleted card: its successor now sits there. */
  index: number;
  /** Bumped per deletion, so the page reacts to each one. */
  seq: number;
}

/** Where the last deletion's ids outlive a page reload: the core keeps its trash until it closes. */
const LAST_DELETION_KEY = 'veo.library.lastDeletion';
const MAX_REMEMBERED_IDS = 1000;

/** The deletion a previous load of this page left undoable (the core says whether its trash still has it). */
export function recallDeletion(storage: KeyValueStorage | undefined): Deletion | undefined {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(LAST_DELETION_KEY) ?? 'null');
    if (!Array.isArray(raw)) return undefined;
    const ids = raw.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 200).slice(0, MAX_REMEMBERED_IDS);
    return ids.length > 0 ? { ids, index: 0, seq: 0 } : undefined;
  } catch {
    return undefined;
  }
}

export function rememberDeletion(storage: KeyValueStorage | undefined, deletion: Deletion | undefined): void {
  try {
    storage?.setItem(LAST_DELETION_KEY, JSON.stringify(deletion?.ids ?? []));
  } catch {
    // A full or refused storage only costs Undo across a reload.
  }
}

/** The toast of every deletion shares a topic: a newer deletion's Undo replaces the older one's. */
const DELETE_TOPIC = 'library:delete';

export interface DeletionHost {
  api: VeoApi;
  toasts: ToastStore;
  /** Loaded summaries in grid order, for the deleted card's index and its prompt. */
  loaded(): Array<{ index: number; summary: JobSummary }>;
  lastDeletion(): Deletion | undefined;
  setLastDeletion(deletion: Deletion | undefined): void;
  onDeleted(ids: string[]): void;
  onRestored(records: JobRecord[]): void;
  refresh(): Promise<void>;
}

/** Deletes `ids` (one request each, the core's own unit), then offers one Undo for all that went. */
export async function deleteJobs(host: DeletionHost, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const loaded = host.loaded();
  const results = await Promise.all(unique.map((id) => host.api.library.delete({ id })));
  const deleted = unique.filter((_, i) => results[i]!.ok);
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) {
    const what =
      unique.length === 1
        ? tr('library.delete.failedOne')
        : tr('library.delete.failedSome', { failed: unique.length - deleted.length, count: unique.length });
    host.toasts.getState().error(describeIpcError(failed.error, what));
  }
  if (deleted.length === 0) return [];

  const positions = loaded.filter((l) => deleted.includes(l.summary.id));
  const index = positions.length > 0 ? Math.min(...positions.map((p) => p.index)) : 0;
  host.setLastDeletion({ ids: deleted, index, seq: (host.lastDeletion()?.seq ?? 0) + 1 });
  host.onDeleted(deleted);
  const only = deleted.length === 1 ? positions[0]?.summary : undefined;
  host.toasts.getState().push({
    tone: 'info',
    title: tr('library.delete.deleted', { count: deleted.length }),
    message: only ? excerpt(only.params.prompt) : undefined,
    action: { label: tr('common.undo'), run: () => void restoreJobs(host, deleted) },
    topic: DELETE_TOPIC,
  });
  await host.refresh();
  return deleted;
}

/** ⌘/Ctrl+Z: the last deletion comes back, or the user hears why nothing happened. */
export async function undoLastDeletion(host: DeletionHost): Promise<boolean> {
  const last = host.lastDeletion();
  if (!last) {
    host.toasts.getState().push({
      tone: 'info',
      title: tr('library.delete.nothingToUndo'),
      message: tr('library.delete.nothingToUndoText'),
      topic: DELETE_TOPIC,
    });
    return false;
  }
  // Restored or not (the trash goes when the app closes), this deletion is then forgotten.
  return (await restoreJobs(host, last.ids)).length > 0;
}

/** The core's refusal to restore a job that is in the library (shared/i18n, app.library.notDeleted). */
const ALREADY_BACK: MessageId = 'app.library.notDeleted';

/** Brings `ids` back from the trash; what comes back is no longer the deletion to undo. */
export async function restoreJobs(host: DeletionHost, ids: string[]): Promise<JobRecord[]> {
  const results = await Promise.all(ids.map((id) => host.api.library.undoDelete({ id })));
  const restored = results.flatMap((r) => (r.ok ? [r.value] : []));
  // A job that is back already (imported again since it was deleted) is no failure: nothing is left to undo.
  const isBack = (r: (typeof results)[number]) => !r.ok && r.error.code === ALREADY_BACK;
  const failed = results.find((r) => !r.ok && !isBack(r));
  if (failed && !failed.ok) host.toasts.getState().error(describeIpcError(failed.error, tr('library.delete.restoreFailed')), DELETE_TOPIC);
  else {
    host.toasts.getState().dismissTopic(DELETE_TOPIC);
    if (restored.length === 0 && results.some(isBack)) {
      host.toasts.getState().push({ tone: 'info', title: tr('library.delete.nothingToUndo'), message: tr('library.delete.alreadyBack'), topic: DELETE_TOPIC });
    }
  }
  const last = host.lastDeletion();
  if (last && ids.some((id) => last.ids.includes(id))) host.setLastDeletion(undefined);
  if (restored.length > 0) host.onRestored(restored);
  await host.refresh();
  return restored;
}
