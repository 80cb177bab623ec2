// What a selection of cards does, written once for the Selection bar's buttons, the Delete key and
// the checkboxes: delete every checked job (one Undo), and Shift+click to tick a range.
import { LIBRARY_PAGE_SIZE, type LibraryStore } from '../../stores/library-store';
import type { PortableStore } from '../../stores/portable-store';

/** Deletes the checked jobs as one deletion; those that could not go stay checked. */
export async function deleteChecked(library: LibraryStore, portable: PortableStore): Promise<void> {
  const checked = portable.getState().checked;
  if (checked.length === 0) return;
  const deleted = await library.getState().removeMany(checked);
  const left = portable.getState().checked.filter((id) => !deleted.includes(id));
  portable.getState().clear();
  if (left.length > 0) portable.getState().checkAll(left);
}

/** The card a range starts from: the last one ticked, per selection (ids, as indexes shift). */
const anchors = new WeakMap<PortableStore, string>();

/** A click on a card's checkbox: toggles it, or with Shift ticks every loaded card from the last one ticked. */
export function clickCheck(library: LibraryStore, portable: PortableStore, id: string, shift: boolean): void {
  const anchor = anchors.get(portable);
  anchors.set(portable, id);
  const loaded = Object.entries(library.getState().pages).flatMap(([page, items]) =>
    items.map((s, i) => ({ id: s.id, index: Number(page) * LIBRARY_PAGE_SIZE + i })),
  );
  const from = loaded.find((l) => l.id === anchor)?.index;
  const to = loaded.find((l) => l.id === id)?.index;
  if (!shift || from === undefined || to === undefined || from === to) {
    portable.getState().toggle(id);
    return;
  }
  const [low, high] = from < to ? [from, to] : [to, from];
  portable.getState().checkAll(loaded.filter((l) => l.index >= low && l.index <= high).map((l) => l.id));
}
