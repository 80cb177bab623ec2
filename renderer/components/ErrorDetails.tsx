import { useId, useState } from 'react';
import { copyText } from './clipboard';
import { CheckIcon, ChevronRightIcon, CopyIcon } from './icons';

/** "Show details" disclosure with the technical facts and a copy button. */
export function ErrorDetails({ details }: { details: string }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = useId();
  return (
    <div className="error-details">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <ChevronRightIcon size={14} className={`disclosure-chevron ${open ? 'open' : ''}`} aria-hidden="true" />
        {open ? 'Hide details' : 'Show details'}
      </button>
      {open && (
        <div className="error-details-body" id={id}>
          <pre>{details}</pre>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={async () => setCopied((await copyText(details)) ? 'copied' : 'failed')}
          >
            {copied === 'copied' ? <CheckIcon size={14} aria-hidden="true" /> : <CopyIcon size={14} aria-hidden="true" />}
            {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy details'}
          </button>
        </div>
      )}
    </div>
  );
}
