// The input picture: idle (drop / choose / paste / URL), drag-over, preparing, invalid, or filled
// with a preview that shows how the video will crop it.
import { useState, type RefObject } from 'react';
import { ErrorDetails } from '../../components/ErrorDetails';
import { ErrorIcon, ImagePlusIcon, InfoIcon, LinkIcon, SpinnerIcon, UploadIcon } from '../../components/icons';
import { MOD_LABEL } from '../../components/keyboard';
import { useCreate } from '../../stores/hooks';
import { ACCEPT_ATTRIBUTE, SIDECAR_ACCEPT, type ImageIntake } from './image-intake';
import { ImagePreview } from './ImagePreview';

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

  return (
    <section className={`dropzone dropzone-${state}`} aria-label="Input image" aria-busy={intakeState.status === 'preparing'}>
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
          <span>Preparing image…</span>
        </div>
      )}
      {dragOver && (
        <div className="dropzone-overlay dropzone-overlay-drag" aria-hidden="true">
          <UploadIcon size={28} />
          <span>Drop to use this image</span>
        </div>
      )}
    </section>
  );
}

function IdleContent({ onChoose, intake }: { onChoose: () => void; intake: ImageIntake }) {
  const [url, setUrl] = useState('');
  return (
    <div className="dropzone-idle">
      <div className="dropzone-icon" aria-hidden="true">
        <ImagePlusIcon size={28} />
      </div>
      <p className="dropzone-title">Drop an image here</p>
      <p className="dropzone-hint">PNG, JPEG or WebP, ideally 1280×720 or larger</p>
      <p className="dropzone-hint">…or a video’s .json sidecar to restore its settings</p>
      <div className="dropzone-choose">
        <button type="button" className="btn btn-secondary" onClick={onChoose}>
          <UploadIcon size={16} aria-hidden="true" />
          Choose image
        </button>
        <span className="dropzone-paste">
          or paste <kbd>{MOD_LABEL === '⌘' ? '⌘' : 'Ctrl'}</kbd> <kbd>V</kbd>
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
          placeholder="…or paste an https:// image link"
          aria-label="Image URL"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" className="btn btn-ghost btn-small" disabled={!url.trim()}>
          Use link
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
