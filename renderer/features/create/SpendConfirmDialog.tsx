// Asks before a Generate or Retry that the core's spend guard says is above the "confirm above $X"
// setting (it never asks for the simulator: that is free). Mounted once at the app's root, so a
// Retry from any view can ask too. Focus starts on Cancel, the safe choice; Esc or the backdrop
// cancels (the shared Dialog does the modal part).
import { useRef } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../i18n/useT';
import { Dialog } from '../../components/Dialog';
import { useStores } from '../../stores/hooks';

export function SpendConfirmDialog() {
  const { spendGuard } = useStores();
  const pending = useStore(spendGuard, (s) => s.pending);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const t = useT();
  if (!pending) return null;

  const cancel = () => spendGuard.getState().cancel();
  return (
    <Dialog onCancel={cancel} labelledBy="spend-confirm-title" describedBy="spend-confirm-text" initialFocus={cancelRef}>
      <h2 id="spend-confirm-title" className="card-title">
        {t('create.spend.title', { usd: pending.usd })}
      </h2>
      <p id="spend-confirm-text">
        {t('create.spend.text', { kind: pending.action.kind === 'rerun' ? 'rerun' : 'new', jobs: pending.jobs, usd: pending.usd, limit: pending.limit })}
      </p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="btn btn-secondary" onClick={cancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void spendGuard.getState().confirm()}>
          {t('create.spend.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
