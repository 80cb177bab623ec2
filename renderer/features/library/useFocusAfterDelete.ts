// After a Delete (the detail's button, the Delete key, or a selection), the focused element has
// gone with the job and focus would fall to the page: a keyboard user would start again from the
// top. Focus moves to the card that took the deleted one's place (or the one before it, at the
// end of the list), or to the search box when the Library is now empty.
import { useEffect, useRef, type RefObject } from 'react';
import { useLibrary } from '../../stores/hooks';

export function useFocusAfterDelete(searchBox: RefObject<HTMLInputElement | null>): void {
  const deletion = useLibrary((s) => s.lastDeletion);
  const total = useLibrary((s) => s.total);
  const pages = useLibrary((s) => s.pages);
  const handled = useRef(deletion?.seq ?? 0);

  useEffect(() => {
    if (!deletion || deletion.seq === handled.current) return;
    // Wait until the grid shows the list without the deleted job(s) (effects run after the DOM is updated).
    const stillShown = Object.values(pages).some((items) => items.some((s) => deletion.ids.includes(s.id)));
    if (stillShown) return;
    const target = Math.min(deletion.index, total - 1);
    const card = target >= 0 ? document.querySelector<HTMLElement>(`.lib-grid [data-index="${target}"]`) : null;
    if (target >= 0 && !card) return;
    handled.current = deletion.seq;
    const active = document.activeElement;
    // Only where focus was lost or sat on what was deleted: never pull it out of a field.
    const lost = !active || active === document.body || !!active.closest('.lib-grid, .lib-detail') || !active.isConnected;
    if (!lost) return;
    if (card) card.focus();
    else searchBox.current?.focus();
  }, [deletion, total, pages, searchBox]);
}
