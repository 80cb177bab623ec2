// The Library player's own state and keys: theatre mode (the player uses the whole window; Esc
// leaves it before Esc closes the detail), loop, J/K/L shuttle and frame stepping with "," and ".".
// Keys work wherever focus is in the Library except in a text field or a dialog, like Space does.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
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

export function usePlayer(videoRef: RefObject<HTMLVideoElement | null>): PlayerState {
  const [theatre, setTheatre] = useState(false);
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
      const key = playerKeyOf(e);
      const video = videoRef.current;
      if (!key || !video) return;
      e.preventDefault();
      if (key === 'theatre') setTheatre(!theatreNow.current);
      else if (key === 'frame-back' || key === 'frame-forward') stepFrame(key === 'frame-back' ? -1 : 1);
      else shuttleFor(video).press(key);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      shuttle.current?.control.dispose();
      shuttle.current = undefined;
    };
  }, [videoRef, stepFrame, shuttleFor]);

  return { theatre, setTheatre, loop, setLoop, stepFrame };
}
