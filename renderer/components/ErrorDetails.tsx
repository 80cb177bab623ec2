import { useId, useState } from 'react';
import { useT } from '../i18n/useT';
import { copyText } from './clipboard';
import { CheckIcon, ChevronRightIcon, CopyIcon } from './icons';

/**
 * The provider's own words (as they came, in whatever language the provider speaks, marked as
 * theirs), then a "Show details" disclosure with the technical facts and a copy button.
 */
export function ErrorDetails({ details, providerWords }: { details?: string; providerWords?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = useId();
  return (
    <div className="error-details">
      {providerWords && (
        <figure className="provider-words" data-testid="provider-words">
          <figcaption className="field-hint">{t('shell.errorDetails.providerWords')}</figcaption>
          <blockquote lang="" data-provider-words="">
            {providerWords}
          </blockquote>
        </figure>
      )}
      {details && (
        <>
          <button type="button" className="link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
            <ChevronRightIcon size={14} className={`disclosure-chevron ${open ? 'open' : ''}`} aria-hidden="true" />
            {open ? t('common.hideDetails') : t('common.showDetails')}
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
                {copied === 'copied' ? t('common.copied') : copied === 'failed' ? t('shell.errorDetails.copyFailed') : t('shell.errorDetails.copyDetails')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
