// One Tab stop for the whole Jobs list (roving tabindex): forty jobs with two or three buttons each
// must not stand between the Create form and everything after it. Inside the list, ↑/↓ (Home/End)
// move between jobs and ←/→ between a job and its own buttons; Tab leaves the list. The element
// focused last keeps the single tabindex=0, so Tab returns to where the user was.
//
// Imperative on purpose: the cards' buttons are rendered by several components that need not know
// about it; React leaves an attribute it does not manage alone, and a MutationObserver re-applies
// the rule whenever cards or buttons come and go.
import { useEffect, type RefObject } from 'react';

const ITEM = '[data-roving-item]';
const CONTROLS = 'button:not([disabled]), a[href], summary, [tabindex]:not([data-roving-item])';

/** `mounted`: whether the list element is rendered now (the panel shows an empty state instead of it). */
export function useRovingFocus(listRef: RefObject<HTMLElement | null>, mounted: boolean): void {
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let current: HTMLElement | undefined;

    const items = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>(ITEM)];
    const stopsOf = (item: HTMLElement): HTMLElement[] => [item, ...item.querySelectorAll<HTMLElement>(CONTROLS)];
    const allStops = (): HTMLElement[] => items().flatMap(stopsOf);

    const apply = (): void => {
      const stops = allStops();
      if (current === undefined || !stops.includes(current)) current = stops[0];
      for (const el of stops) {
        const wanted = el === current ? '0' : '-1';
        if (el.getAttribute('tabindex') !== wanted) el.setAttribute('tabindex', wanted);
      }
    };
    const moveTo = (el: HTMLElement | undefined): void => {
      if (!el) return;
      current = el;
      apply();
      el.focus();
    };

    const onFocusIn = (e: FocusEvent): void => {
      const target = e.target as HTMLElement;
      if (target === current || !allStops().includes(target)) return;
      current = target;
      apply();
    };
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement;
      const item = target.closest<HTMLElement>(ITEM);
      if (!item || !list.contains(item)) return;
      const all = items();
      const at = all.indexOf(item);
      const stops = stopsOf(item);
      const step = (list: HTMLElement[], from: number, by: number) => list[(from + by + list.length) % list.length];
      const next: Record<string, () => HTMLElement | undefined> = {
        ArrowDown: () => all[Math.min(at + 1, all.length - 1)],
        ArrowUp: () => all[Math.max(at - 1, 0)],
        Home: () => all[0],
        End: () => all.at(-1),
        ArrowRight: () => step(stops, stops.indexOf(target), 1),
        ArrowLeft: () => step(stops, stops.indexOf(target), -1),
      };
      const go = next[e.key];
      if (!go) return;
      e.preventDefault();
      moveTo(go());
    };

    apply();
    const observer = new MutationObserver(apply);
    observer.observe(list, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    list.addEventListener('focusin', onFocusIn);
    list.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      list.removeEventListener('focusin', onFocusIn);
      list.removeEventListener('keydown', onKeyDown);
    };
  }, [listRef, mounted]);
}
