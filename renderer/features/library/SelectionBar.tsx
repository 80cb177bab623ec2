// What "Select" mode can do with the checked cards besides export: favourite them all and delete
// them all (one Undo, ⌘/Ctrl+Z, brings every one back).
import { StarIcon, TrashIcon } from '../../components/icons';
import { useLibrary, useStores } from '../../stores/hooks';
import { deleteChecked } from './selection-actions';
import { usePortable } from './usePortable';

export function SelectionBar() {
  const { library, portable } = useStores();
  const selecting = usePortable((s) => s.selecting);
  const checked = usePortable((s) => s.checked);
  const pages = useLibrary((s) => s.pages);
  if (!selecting) return null;

  const loaded = Object.values(pages).flat();
  const allFavourite = checked.length > 0 && checked.every((id) => loaded.find((s) => s.id === id)?.favourite);
  const none = checked.length === 0;

  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected jobs">
      <span className="selection-count" aria-live="polite">
        {none ? 'Click cards to select them' : `${checked.length} selected`}
      </span>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        disabled={none}
        onClick={() => {
          for (const id of checked) void library.getState().setFavourite(id, !allFavourite);
        }}
      >
        <StarIcon size={14} aria-hidden="true" />
        {allFavourite ? 'Unfavourite selected' : 'Favourite selected'}
      </button>
      <button
        type="button"
        className="btn btn-small btn-ghost btn-danger"
        disabled={none}
        onClick={() => void deleteChecked(library, portable)}
      >
        <TrashIcon size={14} aria-hidden="true" />
        Delete selected
      </button>
      <button type="button" className="btn btn-small btn-ghost" disabled={none} onClick={() => portable.getState().clear()}>
        Clear selection
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => portable.getState().setSelecting(false)}>
        Done
      </button>
    </div>
  );
}
