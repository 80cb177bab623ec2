import { useEffect, useRef, useState } from 'react';
import { useStores, useToasts } from '../stores/hooks';
import { toastLifetimeMs, type Toast } from '../stores/toast-store';
import { useT } from '../i18n/useT';
import { ErrorDetails } from './ErrorDetails';
import { CloseIcon, CompletedIcon, ErrorIcon, InfoIcon } from './icons';


export function Toasts() {
  const t = useT();
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="toasts" aria-label={t('shell.toasts.label')} role="region">
      {toasts.map((t) => (
        <ToastView key={t.id} toast={t} />
      ))}
    </div>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  const t = useT();
  const { toasts } = useStores();
  const [paused, setPaused] = useState(false);
  const dismiss = () => toasts.getState().dismiss(toast.id);
  const remaining = useRef(toastLifetimeMs(toast));

  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => toasts.getState().dismiss(toast.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(1500, remaining.current - (Date.now() - started));
    };
  }, [paused, toast.id, toasts]);

  const Icon = toast.tone === 'error' ? ErrorIcon : toast.tone === 'success' ? CompletedIcon : InfoIcon;
  return (
    <div
      className={`toast toast-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <Icon size={18} className="toast-icon" aria-hidden="true" />
      <div className="toast-body">
        <p className="toast-title">{toast.title}</p>
        {toast.message && <p className="toast-message">{toast.message}</p>}
        {(toast.details || toast.providerWords) && <ErrorDetails details={toast.details} providerWords={toast.providerWords} />}
      </div>
      {toast.action && (
        <button
          type="button"
          className="btn btn-small btn-secondary"
          onClick={() => {
            void toast.action!.run();
            dismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label={t('shell.toasts.dismiss')} onClick={dismiss}>
        <CloseIcon size={16} aria-hidden="true" />
      </button>
    </div>
  );
}
