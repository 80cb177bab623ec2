import { useEffect, useState } from 'react';
import { ImageOffIcon } from './icons';

/**
 * A library picture. Lazy-loaded and decoded off the main thread, so a scrolling grid of thousands
 * stays light. When the picture changes under a mounted tile (the input picture → the video's
 * poster), the new one is decoded before it replaces the old: no blank flash. If `src` cannot be
 * loaded (its file went missing) `fallbackSrc` is shown, and a neutral placeholder after that.
 */
export function Thumb({
  src,
  fallbackSrc,
  onMissing,
  className = '',
}: {
  src?: string;
  fallbackSrc?: string;
  /** `src` would not load (and `fallbackSrc` shows instead). */
  onMissing?: () => void;
  className?: string;
}) {
  const [failed, setFailed] = useState<readonly string[]>([]);
  const wanted = [src, fallbackSrc].find((s): s is string => !!s && !failed.includes(s));
  const [shown, setShown] = useState(wanted);
  // Nothing worth keeping on screen (no picture yet, or the one shown failed): show the new one now.
  if (wanted && (!shown || failed.includes(shown))) setShown(wanted);

  useEffect(() => {
    if (!wanted || !shown || wanted === shown) return;
    let live = true;
    const next = new Image();
    next.src = wanted;
    // A failed decode is shown anyway: the <img> then reports the error and the fallback takes over.
    void next
      .decode()
      .catch(() => undefined)
      .then(() => live && setShown(wanted));
    return () => {
      live = false;
    };
  }, [wanted, shown]);

  const visible = wanted ? shown : undefined;
  return (
    <div className={`thumb ${className}`}>
      {visible ? (
        <img
          src={visible}
          alt=""
          loading="lazy"
          decoding="async"
          draggable={false}
          onError={() => {
            if (visible === src) onMissing?.();
            setFailed((list) => (list.includes(visible) ? list : [...list, visible]));
          }}
        />
      ) : (
        <ImageOffIcon size={20} aria-hidden="true" />
      )}
    </div>
  );
}
