// The Library player's own state and keys: theatre mode (the player uses the whole window; Esc
// leaves it before Esc closes the detail, and Tab stays inside it: what it covers cannot take focus),
// loop, J/K/L shuttle and frame stepping with "," and ".". Keys work wherever focus is in the Library
// except in a text field or a dialog, like Space does.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { FOCUSABLE } from '../../components/Dialog';
import { isTypingTarget } from '../../components/keyboard';
import { frameStepTarget, playerKeyOf } from './player-controls';
import { ShuttleControl } from './shuttle';

export interface PlayerState {
  theatre: boolean;
  setTheatre(on: boolean): void;
  loop: boolean;
  setLoop(on: boolean): void;
  /** Pauses and moves exactly one frame. */
  stepFrame(step: -1 | 1): void;
}

/** `open`: a job's detail is showing. Closing it ends theatre mode, so the next one opens beside the grid. */
export function usePlayer(videoRef: RefObject<HTMLVideoElement | null>, open: boolean): PlayerState {
  const [theatre, setTheatre] = useState(false);
  if (theatre && !open) setTheatre(false);
  const [loop, setLoop] = useState(false);
  const shuttle = useRef<{ video: HTMLVideoElement; control: ShuttleControl }>(undefined);

  /** One shuttle per player element: a new selection brings a new <video>, and the old one's stops. */
  const shuttleFor = useCallback((video: HTMLVideoElement): ShuttleControl => {
    if (shuttle.current?.video !== video) {
      shuttle.current?.control.dispose();
      shuttle.current = { video, control: new ShuttleControl(video) };
    }
    return shuttle.current.control;
  }, []);

  const stepFrame = useCallback(
    (step: -1 | 1) => {
      const video = videoRef.current;
      if (!video) return;
      shuttleFor(video).press('k');
      video.currentTime = frameStepTarget(video.currentTime, video.duration, step);
    },
    [videoRef, shuttleFor],
  );

  const theatreNow = useRef(theatre);
  useEffect(() => {
    theatreNow.current = theatre;
  }, [theatre]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      if (e.key === 'Escape' && theatreNow.current) {
        // Handled here, in the capture phase, so the Library's own Esc does not also close the detail.
        e.preventDefault();
        setTheatre(false);
        return;
      }
      if (e.key === 'Tab' && theatreNow.current) {
        keepFocusInTheatre(e);
        return;
      }
      const key = playerKeyOf(e);
      const video = videoRef.current;
      if (!key || !video) return;
      e.preventDefault();
      if (key === 'theatre') setTheatre(!theatreNow.current);
      else if (key === 'frame-back' || key === 'frame-forward') stepFrame(key === 'frame-back' ? -1 : 1);
      else shuttleFor(video).press(key);
    };
    // Keys pressed inside the <video>'s own controls never reach the page (Chromium keeps them in its
    // shadow tree), so a Shift+Tab out of them is caught where focus lands instead.
    const onFocusIn = (e: FocusEvent) => {
      if (theatreNow.current) focusBackIntoTheatre(e);
    };
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
      shuttle.current?.control.dispose();
      shuttle.current = undefined;
    };
  }, [videoRef, stepFrame, shuttleFor]);

  return { theatre, setTheatre, loop, setLoop, stepFrame };
}

const theatreElement = (): HTMLElement | null => document.querySelector<HTMLElement>('.lib-detail.is-theatre');
const focusableIn = (root: HTMLElement): HTMLElement[] => [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];

/** Tab and Shift+Tab cycle through the theatre's own controls. */
function keepFocusInTheatre(e: KeyboardEvent): void {
  const theatre = theatreElement();
  const focusable = theatre ? focusableIn(theatre) : [];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!theatre || !first || !last) return;
  const active = document.activeElement;
  const outside = !(active instanceof Node) || !theatre.contains(active);
  if (outside || (e.shiftKey ? active === first : active === last)) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

/** Focus that left the theatre for what it covers comes back: to its end if it left from the start. */
function focusBackIntoTheatre(e: FocusEvent): void {
  const theatre = theatreElement();
  const target = e.target instanceof Element ? e.target : null;
  // Toasts (Undo) and dialogs sit above the theatre: they may have focus.
  if (!theatre || !target || theatre.contains(target) || target.closest('.toasts, dialog')) return;
  const focusable = focusableIn(theatre);
  const leftFromStart = e.relatedTarget instanceof Node && e.relatedTarget === focusable[0];
  (leftFromStart ? focusable.at(-1) : focusable[0])?.focus();
}
