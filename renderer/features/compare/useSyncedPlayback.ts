// One transport for two <video> elements. The longer video leads; the other follows it: on every
// frame while playing (and on every timeupdate) a follower that drifted more than a frame at 30 fps
// is put back on the leader's time. Past its own end the shorter video simply holds its last frame.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export const MAX_DRIFT_SECONDS = 1 / 30;

export interface SyncedPlayback {
  playing: boolean;
  time: number;
  /** The longer of the two; 0 until both know theirs. */
  duration: number;
  toggle(): void;
  seek(seconds: number): void;
}

const durationOf = (v: HTMLVideoElement | null): number => (v && Number.isFinite(v.duration) ? v.duration : 0);

export function useSyncedPlayback(aRef: RefObject<HTMLVideoElement | null>, bRef: RefObject<HTMLVideoElement | null>): SyncedPlayback {
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const frame = useRef(0);

  const roles = useCallback((): { leader: HTMLVideoElement; follower: HTMLVideoElement } | undefined => {
    const a = aRef.current;
    const b = bRef.current;
    if (!a || !b) return undefined;
    return durationOf(b) > durationOf(a) ? { leader: b, follower: a } : { leader: a, follower: b };
  }, [aRef, bRef]);

  const align = useCallback(() => {
    const r = roles();
    if (!r) return;
    const { leader, follower } = r;
    setTime(leader.currentTime);
    const target = Math.min(leader.currentTime, durationOf(follower));
    if (!follower.seeking && Math.abs(follower.currentTime - target) > MAX_DRIFT_SECONDS) follower.currentTime = target;
    if (!leader.paused && follower.paused && leader.currentTime < durationOf(follower)) void follower.play().catch(() => undefined);
  }, [roles]);

  useEffect(() => {
    const a = aRef.current;
    const b = bRef.current;
    if (!a || !b) return;
    const onMeta = () => setDuration(Math.max(durationOf(a), durationOf(b)));
    const tick = () => {
      align();
      frame.current = requestAnimationFrame(tick);
    };
    const onPlay = () => {
      setPlaying(true);
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(tick);
    };
    const onStop = () => {
      const r = roles();
      // Only the leader decides: the follower pausing at its own (earlier) end is not a stop.
      if (r && r.leader.paused) {
        setPlaying(false);
        cancelAnimationFrame(frame.current);
        r.follower.pause();
        align();
      }
    };
    const listeners: Array<[string, () => void]> = [
      ['loadedmetadata', onMeta],
      ['durationchange', onMeta],
      ['play', onPlay],
      ['pause', onStop],
      ['ended', onStop],
      ['timeupdate', () => setTime(roles()?.leader.currentTime ?? 0)],
    ];
    for (const v of [a, b]) for (const [type, fn] of listeners) v.addEventListener(type, fn);
    onMeta();
    return () => {
      cancelAnimationFrame(frame.current);
      for (const v of [a, b]) for (const [type, fn] of listeners) v.removeEventListener(type, fn);
    };
  }, [aRef, bRef, align, roles]);

  const toggle = useCallback(() => {
    const r = roles();
    if (!r) return;
    if (r.leader.paused) {
      if (r.leader.ended) r.leader.currentTime = 0;
      align();
      // Two soundtracks at once are noise: only the leader is heard.
      r.follower.muted = true;
      void r.leader.play().catch(() => undefined);
      if (r.leader.currentTime < durationOf(r.follower)) void r.follower.play().catch(() => undefined);
    } else {
      r.leader.pause();
      r.follower.pause();
    }
  }, [roles, align]);

  const seek = useCallback(
    (seconds: number) => {
      const r = roles();
      if (!r) return;
      const t = Math.max(0, Math.min(durationOf(r.leader), seconds));
      r.leader.currentTime = t;
      r.follower.currentTime = Math.min(t, durationOf(r.follower));
      setTime(t);
    },
    [roles],
  );

  return { playing, time, duration, toggle, seek };
}
