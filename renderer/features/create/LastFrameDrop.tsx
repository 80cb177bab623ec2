// The second drop target of a first–last-frame model: the picture the video ends on. Dropped or
// chosen here (a drop here never becomes the first picture), prepared like the first, shown small
// with Replace and Remove. Only shown while such a model is picked (CreateView).
import { useRef, useState, type DragEvent } from 'react';
import { getDesktopExtras } from '../../api/api';
import { ErrorIcon, ImagePlusIcon } from '../../components/icons';
import { useCreate, useStores } from '../../stores/hooks';
import { ACCEPT_ATTRIBUTE, fileToSource, obviousProblem } from './image-intake';
import { useT } from '../../i18n/useT';

export function LastFrameDrop() {
  const { create } = useStores();
  const lastFrame = useCreate((s) => s.lastFrame);
  const error = useCreate((s) => s.lastFrameError);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const t = useT();

  const take = async (file: File | undefined) => {
    if (!file) return;
    const problem = obviousProblem(file);
    if (problem) return create.setState({ lastFrameError: problem });
    setBusy(true);
    try {
      await create.getState().setLastFrame(await fileToSource(file, getDesktopExtras()));
    } catch (err) {
      create.setState({ lastFrameError: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  // The Create screen takes any drop as the first picture: a drop on this target stops here.
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };
  const choose = () => fileInput.current?.click();

  return (
    <section
      className={`dropzone last-frame ${over ? 'dropzone-dragover' : lastFrame ? 'dropzone-filled' : 'dropzone-idle'}`}
      aria-label={t('create.lastFrame.title')}
      aria-busy={busy}
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input
        ref={fileInput}
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          void take(file);
        }}
      />
      <p className="dropzone-title">{t('create.lastFrame.title')}</p>
      {lastFrame ? (
        <div className="last-frame-filled">
          {lastFrame.previewDataUri ? <img src={lastFrame.previewDataUri} alt={t('create.lastFrame.alt', { hasName: lastFrame.name ? 'yes' : 'no', name: lastFrame.name ?? '' })} /> : <span>{lastFrame.url ?? lastFrame.name}</span>}
          <button type="button" className="btn btn-ghost" onClick={choose}>
            {t('create.lastFrame.replace')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => create.getState().clearLastFrame()}>
            {t('create.lastFrame.remove')}
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={choose}>
          <ImagePlusIcon size={14} aria-hidden="true" />
          {busy ? t('create.lastFrame.preparing') : t('create.lastFrame.choose')}
        </button>
      )}
      <p className="dropzone-hint">{t('create.lastFrame.hint')}</p>
      {error && (
        <p className="last-frame-error" role="alert">
          <ErrorIcon size={14} aria-hidden="true" /> {error}
        </p>
      )}
    </section>
  );
}
