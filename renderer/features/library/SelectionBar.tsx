// What "Select" mode can do with the checked cards besides export: favourite them all and delete
// them all (one Undo, ⌘/Ctrl+Z, brings every one back).
import { StarIcon, TrashIcon } from '../../components/icons';
import { useT } from '../../i18n/useT';
import { useLibrary, useStores } from '../../stores/hooks';
import { deleteChecked } from './selection-actions';
import { usePortable } from './usePortable';

export function SelectionBar() {
  const { library, portable } = useStores();
  const t = useT();
  const selecting = usePortable((s) => s.selecting);
  const checked = usePortable((s) => s.checked);
  const pages = useLibrary((s) => s.pages);
  if (!selecting) return null;

  const loaded = Object.values(pages).flat();
  const allFavourite = checked.length > 0 && checked.every((id) => loaded.find((s) => s.id === id)?.favourite);
  const none = checked.length === 0;

  return (
    <div className="selection-bar" role="toolbar" aria-label={t('library.selection.label')}>
      <span className="selection-count" aria-live="polite">
        {none ? t('library.selection.hint') : t('library.selection.count', { count: checked.length })}
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
        {allFavourite ? t('library.selection.unfavourite') : t('library.selection.favourite')}
      </button>
      <button
        type="button"
        className="btn btn-small btn-ghost btn-danger"
        disabled={none}
        onClick={() => void deleteChecked(library, portable)}
      >
        <TrashIcon size={14} aria-hidden="true" />
        {t('library.selection.delete')}
      </button>
      <button type="button" className="btn btn-small btn-ghost" disabled={none} onClick={() => portable.getState().clear()}>
        {t('library.selection.clear')}
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => portable.getState().setSelecting(false)}>
        {t('library.selection.done')}
      </button>
    </div>
  );
}
