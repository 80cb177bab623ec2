// Keyboard for "Select" mode in the Library grid: Space checks/unchecks the focused card (instead
// of playing the open video), Ctrl/⌘+A checks every card loaded for the current search and filters.
import type { KeyboardEvent } from 'react';
import { isModKey } from '../../components/keyboard';
import type { LibraryStore } from '../../stores/library-store';
import type { PortableStore } from '../../stores/portable-store';

/** Returns true when the key was a selection key and has been handled. */
export function handleSelectionKey(e: KeyboardEvent, portable: PortableStore, library: LibraryStore): boolean {
  if (e.key === ' ' && e.target instanceof HTMLInputElement && e.target.classList.contains('lib-card-check')) {
    // The Library's window-level "Space plays" would cancel the checkbox's own toggle: do it here.
    e.preventDefault();
    e.target.click();
    return true;
  }
  const card = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-index]') : null;
  if (!card) return false;
  if (isModKey(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a') {
    e.preventDefault();
    const ids = Object.values(library.getState().pages).flatMap((items) => items.map((r) => r.id));
    portable.getState().checkAll(ids);
    return true;
  }
  if (e.key === ' ' && !e.metaKey && !e.ctrlKey && !e.altKey && portable.getState().selecting) {
    // preventDefault also stops the Library's window-level "Space plays" shortcut.
    e.preventDefault();
    const record = library.getState().itemAt(Number(card.dataset.index));
    if (record) portable.getState().toggle(record.id);
    return true;
  }
  return false;
}
