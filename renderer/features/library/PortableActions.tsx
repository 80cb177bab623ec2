// The Library's portable-library buttons: "Select" mode, "Export selection…", "Export all…" and
// "Import…". Where the core has no native folder picker (the browser host) a small form asks for
// the folder path instead.
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { DownloadIcon, UploadIcon } from '../../components/icons';
import { MOD_LABEL } from '../../components/keyboard';
import { DEFAULT_LIBRARY_QUERY } from '../../stores/library-store';
import { useT } from '../../i18n/useT';
import { useLibrary, useStores } from '../../stores/hooks';
import { usePortable } from './usePortable';

export function PortableActions() {
  const { portable } = useStores();
  const t = useT();
  const selecting = usePortable((s) => s.selecting);
  const count = usePortable((s) => s.checked.length);
  const busy = usePortable((s) => s.busy);
  // Nothing to export: the unfiltered library is known to be empty (a filter showing none proves nothing).
  const empty = useLibrary((s) => s.status === 'ready' && s.total === 0 && JSON.stringify(s.query) === JSON.stringify(DEFAULT_LIBRARY_QUERY));

  return (
    <div className="portable-actions" role="group" aria-label={t('library.portable.label')}>
      <button
        type="button"
        className="btn btn-small btn-secondary"
        aria-pressed={selecting}
        title={t('library.portable.selectHint', { mod: MOD_LABEL })}
        onClick={() => portable.getState().setSelecting(!selecting)}
      >
        {selecting ? t('library.portable.selecting', { count }) : t('library.portable.select')}
      </button>
      <button
        type="button"
        className="btn btn-small btn-secondary"
        aria-label={t('library.portable.exportSelectionLabel')}
        disabled={busy || count === 0}
        onClick={() => void portable.getState().exportSelection()}
      >
        <DownloadIcon size={14} aria-hidden="true" />
        {t('library.portable.exportSelection', { count })}
      </button>
      <button
        type="button"
        className="btn btn-small btn-secondary"
        disabled={busy || empty}
        title={empty ? t('library.portable.nothingToExport') : undefined}
        onClick={() => void portable.getState().exportAll()}
      >
        <DownloadIcon size={14} aria-hidden="true" />
        {t('library.portable.exportAll')}
      </button>
      <button type="button" className="btn btn-small btn-secondary" disabled={busy} onClick={() => void portable.getState().importLibrary()}>
        <UploadIcon size={14} aria-hidden="true" />
        {t('library.portable.import')}
      </button>
      <FolderPathDialog />
    </div>
  );
}

/** Asks for a folder path; the last one stays in the box, selected (Enter reuses it, typing replaces it). */
function FolderPathDialog() {
  const { portable } = useStores();
  const t = useT();
  const prompt = usePortable((s) => s.folderPrompt);
  const busy = usePortable((s) => s.busy);
  const [path, setPath] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (prompt) inputRef.current?.select();
  }, [prompt]);

  if (!prompt) return null;
  const exporting = prompt.purpose === 'export';
  const cancel = () => portable.getState().cancelFolderPrompt();

  return (
    <Dialog onCancel={cancel} labelledBy="portable-dialog-title" describedBy="portable-dialog-text" initialFocus={inputRef}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void portable.getState().submitFolder(path.trim());
        }}
      >
        <h2 id="portable-dialog-title" className="card-title">
          {exporting ? t('library.portable.exportTitle') : t('library.portable.importTitle')}
        </h2>
        <p id="portable-dialog-text">
          {!exporting
            ? t('library.portable.importText')
            : prompt.ids
              ? t('library.portable.exportSelectedText', { count: prompt.ids.length })
              : t('library.portable.exportAllText')}
        </p>
        <label className="field">
          <span className="field-label">{t('library.portable.folderPath')}</span>
          <input
            ref={inputRef}
            className="input"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder={exporting ? '/home/me/Videos/veo-export' : '/media/usb/veo-export'}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            required
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || path.trim() === ''}>
            {exporting ? t('library.portable.exportButton') : t('library.portable.importButton')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
