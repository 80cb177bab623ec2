// The input picture: idle (drop / choose / paste / URL), drag-over, preparing, invalid, or filled
// with a preview that shows how the video will crop it.
import { useState, type RefObject } from 'react';
import { ErrorDetails } from '../../components/ErrorDetails';
import { ErrorIcon, ImagePlusIcon, InfoIcon, LinkIcon, SpinnerIcon, UploadIcon } from '../../components/icons';
import { MOD_LABEL } from '../../components/keyboard';
import { useCreate } from '../../stores/hooks';
import { ACCEPT_ATTRIBUTE, SIDECAR_ACCEPT, type ImageIntake } from './image-intake';
import { ImagePreview } from './ImagePreview';
import { Say, useT } from '../../i18n/useT';

export function DropZone({
  dragOver,
  fileInput,
  intake,
}: {
  dragOver: boolean;
  fileInput: RefObject<HTMLInputElement | null>;
  intake: ImageIntake;
}) {
  const images = useCreate((s) => s.images);
  const intakeState = useCreate((s) => s.intake);
  const filled = images.length > 0;
  const state = dragOver ? 'dragover' : intakeState.status === 'invalid' ? 'invalid' : filled ? 'filled' : 'idle';
  const choose = () => fileInput.current?.click();
  const t = useT();

  return (
    <section className={`dropzone dropzone-${state}`} aria-label={t('create.drop.regionLabel')} aria-busy={intakeState.status === 'preparing'}>
      <input
        ref={fileInput}
        type="file"
        accept={`${ACCEPT_ATTRIBUTE},${SIDECAR_ACCEPT}`}
        multiple
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void intake.takeFiles(files);
        }}
      />
      {filled ? (
        <>
          <ImagePreview images={images} onReplace={choose} />
          {intakeState.status === 'invalid' && (
            <div className="dropzone-banner">
              <IntakeMessage />
            </div>
          )}
        </>
      ) : (
        <IdleContent onChoose={choose} intake={intake} />
      )}
      {intakeState.status === 'preparing' && (
        <div className="dropzone-overlay" role="status">
          <SpinnerIcon size={22} className="spin" aria-hidden="true" />
          <span>{t('create.drop.preparing')}</span>
        </div>
      )}
      {dragOver && (
        <div className="dropzone-overlay dropzone-overlay-drag" aria-hidden="true">
          <UploadIcon size={28} />
          <span>{t('create.drop.dropToUse')}</span>
        </div>
      )}
    </section>
  );
}

function IdleContent({ onChoose, intake }: { onChoose: () => void; intake: ImageIntake }) {
  const [url, setUrl] = useState('');
  const t = useT();
  return (
    <div className="dropzone-idle">
      <div className="dropzone-icon" aria-hidden="true">
        <ImagePlusIcon size={28} />
      </div>
      <p className="dropzone-title">{t('create.drop.title')}</p>
      <p className="dropzone-hint">{t('create.drop.formats')}</p>
      <p className="dropzone-hint">{t('create.drop.sidecar')}</p>
      <div className="dropzone-choose">
        <button type="button" className="btn btn-secondary" onClick={onChoose}>
          <UploadIcon size={16} aria-hidden="true" />
          {t('create.drop.choose')}
        </button>
        <span className="dropzone-paste">
          <Say id="create.drop.paste" values={{ mod: MOD_LABEL === '⌘' ? '⌘' : 'Ctrl', kbd: (c) => <kbd>{c}</kbd> }} />
        </span>
      </div>
      <form
        className="url-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void intake.takeUrl(url).then(() => setUrl(''));
        }}
      >
        <LinkIcon size={14} aria-hidden="true" className="url-icon" />
        <input
          type="url"
          className="input input-small"
          placeholder={t('create.drop.urlPlaceholder')}
          aria-label={t('create.drop.urlLabel')}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" className="btn btn-ghost btn-small" disabled={!url.trim()}>
          {t('create.drop.useLink')}
        </button>
      </form>
      <IntakeMessage />
    </div>
  );
}

/** Why the last picture was refused, or a note such as "drop the original again". */
function IntakeMessage() {
  const intakeState = useCreate((s) => s.intake);
  if (intakeState.status === 'invalid') {
    return (
      <div className="dropzone-message is-error" role="alert">
        <ErrorIcon size={16} aria-hidden="true" />
        <div>
          <p>{intakeState.message}</p>
          {intakeState.details && <ErrorDetails details={intakeState.details} />}
        </div>
      </div>
    );
  }
  if (intakeState.status === 'notice') {
    return (
      <div className="dropzone-message is-info" role="status">
        <InfoIcon size={16} aria-hidden="true" />
        <p>{intakeState.message}</p>
      </div>
    );
  }
  return null;
}
