import { SpinnerIcon } from '../../components/icons';
import { useApp } from '../../stores/hooks';

/** Browser host only: the WebSocket to the host dropped and is being re-established. */
export function ConnectionBanner() {
  const connection = useApp((s) => s.connection);
  if (connection === 'open') return null;
  return (
    <div className="connection-banner" role="status">
      <SpinnerIcon size={14} className="spin" aria-hidden="true" />
      {connection === 'connecting' ? 'Connecting to Veo Studio…' : 'Connection lost — reconnecting to Veo Studio…'}
    </div>
  );
}
