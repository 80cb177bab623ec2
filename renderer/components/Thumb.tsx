import { useState } from 'react';
import { ImageOffIcon } from './icons';

/** A library thumbnail that degrades to a neutral placeholder when the file is missing. */
export function Thumb({ src, className = '' }: { src?: string; className?: string }) {
  const [failedSrc, setFailedSrc] = useState<string>();
  const usable = src && failedSrc !== src;
  return (
    <div className={`thumb ${className}`}>
      {usable ? (
        <img src={src} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailedSrc(src)} />
      ) : (
        <ImageOffIcon size={20} aria-hidden="true" />
      )}
    </div>
  );
}
