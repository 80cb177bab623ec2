// The Library's portable-library buttons: "Select" mode, "Export selection…", "Export all…" and
// "Import…". Where the core has no native folder picker (the browser host) a small form asks for
// the folder path instead.
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { DownloadIcon, UploadIcon } from '../../components/icons';
import { MOD_LABEL } from '../../components/keyboard';
import { DEFAULT_LIBRARY_QUERY } from '../../stores/library-store';
import { useLibrary, useStores } from '../../stores/hooks';
import { usePortable } from './usePortable';

export function PortableActions() {
  const { portable } = useStores();
  const selecting = usePortable((s) => s.selecting);
  const count = usePortable((s) => s.checked.length);
  const busy = usePortable((s) => s.busy);
  // Nothing to export: the unfiltered library is known to be empty (a filter showing none proves nothing).
  const empty = useLibrary((s) => s.status === 'ready' && s.total === 0 && JSON.stringify(s.query) === JSON.stringify(DEFAULT_LIBRARY_QUERY));

  return (
    <div className="portable-actions" role="group" aria-label="Export and import">
      <button
        type="button"
        className="btn btn-small btn-secondary"
        aria-pressed={selecting}
        title={`Check cards to export, favourite or delete; Space checks the focused card, ${MOD_LABEL}A checks all`}
        onClick={() => portable.getState().setSelecting(!selecting)}
      >
        {selecting ? `Selecting (${count})` : 'Select'}
      </button>
      <button
        type="button"
        className="btn btn-small btn-secondary"
        aria-label="Export selection…"
        disabled={busy || count === 0}
        onClick={() => void portable.getState().exportSelection()}
      >
        <DownloadIcon size={14} aria-hidden="true" />
        Export selection…{count > 0 ? ` (${count})` : ''}
      </button>
      <button
        type="button"
        className="btn btn-small btn-secondary"
        disabled={busy || empty}
        title={empty ? 'The library is empty: nothing to export yet' : undefined}
        onClick={() => void portable.getState().exportAll()}
      >
        <DownloadIcon size={14} aria-hidden="true" />
        Export all…
      </button>
      <button type="button" className="btn btn-small btn-secondary" disabled={busy} onClick={() => void portable.getState().importLibrary()}>
        <UploadIcon size={14} aria-hidden="true" />
        Import…
      </button>
      <FolderPathDialog />
    </div>
  );
}

/** Asks for a folder path; the last one stays in the box, selected (Enter reuses it, typing replaces it). */
function FolderPathDialog() {
  const { portable } = useStores();
  const prompt = usePortable((s) => s.folderPrompt);
  const busy = usePortable((s) => s.busy);
  const [path, setPath] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (prompt) inputRef.current?.select();
  }, [prompt]);

  if (!prompt) return null;
  const exporting = prompt.purpose === 'export';
  const what = exporting ? (prompt.ids ? `${prompt.ids.length} selected job${prompt.ids.length === 1 ? '' : 's'}` : 'the whole library') : '';
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
          {exporting ? 'Export library' : 'Import library'}
        </h2>
        <p id="portable-dialog-text">
          {exporting
            ? `Copies ${what} — videos, input pictures and an index — into a folder on the computer running Veo Studio. Use an empty or new folder.`
            : 'Merges a folder exported by Veo Studio into this library. Jobs already here are skipped.'}
        </p>
        <label className="field">
          <span className="field-label">Folder path</span>
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
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || path.trim() === ''}>
            {exporting ? 'Export' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
