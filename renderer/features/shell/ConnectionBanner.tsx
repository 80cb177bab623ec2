import { SpinnerIcon } from '../../components/icons';
import { useT } from '../../i18n/useT';
import { useApp } from '../../stores/hooks';

/** Browser host only: the WebSocket to the host dropped and is being re-established. */
export function ConnectionBanner() {
  const t = useT();
  const connection = useApp((s) => s.connection);
  if (connection === 'open') return null;
  return (
    <div className="connection-banner" role="status">
      <SpinnerIcon size={14} className="spin" aria-hidden="true" />
      {connection === 'connecting' ? t('shell.connection.connecting') : t('shell.connection.lost')}
    </div>
  );
}
