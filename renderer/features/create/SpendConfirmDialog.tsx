// Asks before a Generate or Retry that the core's spend guard says is above the "confirm above $X"
// setting (it never asks for the simulator: that is free). Mounted once at the app's root, so a
// Retry from any view can ask too. Focus starts on Cancel, the safe choice; Esc or the backdrop
// cancels (the shared Dialog does the modal part).
import { useRef } from 'react';
import { useStore } from 'zustand';
import { formatUsd } from '../../../shared/pricing';
import { Dialog } from '../../components/Dialog';
import { useStores } from '../../stores/hooks';

export function SpendConfirmDialog() {
  const { spendGuard } = useStores();
  const pending = useStore(spendGuard, (s) => s.pending);
  const cancelRef = useRef<HTMLButtonElement>(null);
  if (!pending) return null;

  const cancel = () => spendGuard.getState().cancel();
  const what =
    pending.action.kind === 'rerun'
      ? 'Retrying starts a new job, which is charged again. It is'
      : pending.jobs > 1
        ? `These ${pending.jobs} videos are`
        : 'This video is';
  return (
    <Dialog onCancel={cancel} labelledBy="spend-confirm-title" describedBy="spend-confirm-text" initialFocus={cancelRef}>
      <h2 id="spend-confirm-title" className="card-title">
        Spend about {formatUsd(pending.usd)}?
      </h2>
      <p id="spend-confirm-text">
        {what} estimated at {formatUsd(pending.usd)}, above your limit of {formatUsd(pending.limit)}. You can change the limit in
        Settings.
      </p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="btn btn-secondary" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void spendGuard.getState().confirm()}>
          Confirm
        </button>
      </div>
    </Dialog>
  );
}
