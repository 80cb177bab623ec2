// ←/→ mean two things in the Library: the next card in the grid, or a seek in the open player. The
// README promises the seek, and J/K/L and ","/"." work from a card too, so ←/→ follow whichever
// the user last used: after a player key, or a click in the detail, they seek (even with focus
// still on a card); a click on a card, ↑/↓/Home/End in the grid, or focus arriving in the grid from
// elsewhere (e.g. "Compare with…" hands focus to the cards to pick from) gives them back to the grid.
import { useEffect, useRef, type RefObject } from 'react';
import { isTypingTarget } from '../../components/keyboard';
import { playerKeyOf } from './player-controls';

const GRID_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End']);

export function useArrowsSeek(videoRef: RefObject<HTMLVideoElement | null>, open: boolean): RefObject<boolean> {
  const seek = useRef(false);
  useEffect(() => {
    if (!open) seek.current = false;
  }, [open]);

  useEffect(() => {
    const inGrid = (t: EventTarget | null) => t instanceof Element && !!t.closest('.lib-grid');
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target) || !videoRef.current) return;
      if (playerKeyOf(e) || (e.key === ' ' && !e.metaKey && !e.ctrlKey && !e.altKey)) seek.current = true;
      else if (GRID_KEYS.has(e.key) && inGrid(e.target)) seek.current = false;
    };
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Element && e.target.closest('.lib-detail')) seek.current = true;
      else if (inGrid(e.target)) seek.current = false;
    };
    const onFocusIn = (e: FocusEvent) => {
      if (inGrid(e.target) && !inGrid(e.relatedTarget)) seek.current = false;
    };
    // Capture: the player's own handler consumes its keys before they would bubble here.
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('focusin', onFocusIn, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('focusin', onFocusIn, true);
    };
  }, [videoRef]);
  return seek;
}
