// Asks before a Generate or Retry that the core's spend guard says is above the "confirm above $X"
// setting (it never asks for the simulator: that is free). Mounted once at the app's root, so a
// Retry from any view can ask too. A modal dialog:
// focus moves in (to Cancel, the safe choice), Tab stays inside, Esc cancels, and focus goes back to
// whatever had it (the Generate button) when it closes.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatUsd } from '../../../shared/pricing';
import { useStores } from '../../stores/hooks';
import { useStore } from 'zustand';

export function SpendConfirmDialog() {
  const { spendGuard } = useStores();
  const pending = useStore(spendGuard, (s) => s.pending);
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!pending) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [pending]);

  if (!pending) return null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      spendGuard.getState().cancel();
    } else if (e.key === 'Tab') {
      const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>('button:not(:disabled)') ?? [])];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const what =
    pending.action.kind === 'rerun'
      ? 'Retrying starts a new job, which is charged again. It is'
      : pending.jobs > 1
        ? `These ${pending.jobs} videos are`
        : 'This video is';
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && spendGuard.getState().cancel()}>
      <div
        ref={dialogRef}
        className="modal-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="spend-confirm-title"
        aria-describedby="spend-confirm-text"
        onKeyDown={onKeyDown}
      >
        <h2 id="spend-confirm-title" className="card-title">
          Spend about {formatUsd(pending.usd)}?
        </h2>
        <p id="spend-confirm-text">
          {what} estimated at {formatUsd(pending.usd)}, above your limit of {formatUsd(pending.limit)}. You can change the limit
          in Settings.
        </p>
        <div className="modal-actions">
          <button ref={cancelRef} type="button" className="btn btn-secondary" onClick={() => spendGuard.getState().cancel()}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void spendGuard.getState().confirm()}>
            Confirm
          </button>
        </div>
      </div>
    </div>
  );
}
