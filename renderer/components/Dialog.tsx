// The one modal dialog, on the native <dialog> element: showModal() puts it in the top layer and makes
// everything behind it inert (no clicks, no focus, hidden from assistive tech). On top of that it
// moves focus in (to `initialFocus`, else the first focusable control), keeps Tab cycling inside
// (Chromium would otherwise step out to the browser's own UI), turns Esc and a click on the backdrop
// into `onCancel`, and gives focus back to whatever had it when it opened. Render it only while open.
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

export const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  /** Esc, the backdrop, or the browser closing the dialog: the owner drops its "open" state. */
  onCancel: () => void;
  /** What the dialog is called (or use `labelledBy`). */
  label?: string;
  labelledBy?: string;
  describedBy?: string;
  /** Gets focus on open; without it, the first focusable control does. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Focus the card itself on open (a view whose keys act on the whole dialog, like Compare). */
  focusCard?: boolean;
  /** Extra classes for the card (`dialog-card` always applies), e.g. a full-window layout. */
  className?: string;
  /** Keys the dialog's content handles itself (runs before Tab / Esc handling). */
  onKeyDown?: (e: KeyboardEvent<HTMLDialogElement>) => void;
  children: ReactNode;
}

export function Dialog({ onCancel, label, labelledBy, describedBy, initialFocus, focusCard, className, onKeyDown, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = focusCard ? cardRef.current : (initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE));
    (first ?? dialog).focus();
    return () => {
      // Unmounting removes the dialog from the top layer; focus goes back where it came from.
      if (opener?.isConnected) opener.focus();
    };
    // Runs once per opening: the owner unmounts the dialog to close it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const keepTabInside = (e: KeyboardEvent<HTMLDialogElement>): void => {
    const focusable = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    const onEdge = document.activeElement === first || document.activeElement === e.currentTarget || document.activeElement === cardRef.current;
    const leavingBackwards = e.shiftKey && onEdge;
    if (leavingBackwards || (!e.shiftKey && document.activeElement === last)) {
      e.preventDefault();
      (leavingBackwards ? last : first).focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={label}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (e.defaultPrevented) return;
        if (e.key === 'Tab') keepTabInside(e);
        else if (e.key === 'Escape') {
          // Ours, not the browser's: the owner's state decides whether the dialog is open.
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
      // The browser may still cancel (e.g. a close request from the OS): follow it.
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      // A press on the backdrop lands on the <dialog> itself (it has no padding; the card inside does).
      onMouseDown={(e) => e.target === e.currentTarget && onCancel()}
    >
      <div ref={cardRef} className={`dialog-card ${className ?? ''}`} tabIndex={focusCard ? -1 : undefined}>
        {children}
      </div>
    </dialog>
  );
}
