// Search (debounced), state filter chips, favourites and sort; in Select mode, what to do with the selection.
import { useEffect, useRef, useState } from 'react';
import { ACTIVE_STATES, FINAL_STATES, type FinalState, type JobState } from '../../../shared/domain';
import { CloseIcon, SearchIcon, StarIcon } from '../../components/icons';
import { MOD_LABEL } from '../../components/keyboard';
import { useT } from '../../i18n/useT';
import { useApp, useLibrary, useStores } from '../../stores/hooks';
import type { MessageId } from '../../../shared/i18n/messages';
import { SelectionBar } from './SelectionBar';
import { useFocusAfterDelete } from './useFocusAfterDelete';

/** A final state added to FINAL_STATES without a chip label here is a compile error. */
const FINAL_CHIP_LABELS: Record<FinalState, MessageId> = {
  completed: 'library.toolbar.chipCompleted',
  failed: 'library.toolbar.chipFailed',
  cancelled: 'library.toolbar.chipCancelled',
};
/** One chip for every unfinished state together, then one per final state: both lists derived. */
const STATE_CHIPS: { label: MessageId; states: JobState[] }[] = [
  { label: 'library.toolbar.chipInProgress', states: [...ACTIVE_STATES] },
  ...FINAL_STATES.map((state) => ({ label: FINAL_CHIP_LABELS[state], states: [state] })),
];
const SEARCH_DEBOUNCE_MS = 200;

export function LibraryToolbar() {
  const { library } = useStores();
  const t = useT();
  const query = useLibrary((s) => s.query);
  const [search, setSearch] = useState(query.search);
  const resetCount = useLibrary((s) => s.resetCount);
  const [seenReset, setSeenReset] = useState(resetCount);
  if (resetCount !== seenReset) {
    // "Clear filters" elsewhere reset the query: the box shows the (now empty) search too.
    setSeenReset(resetCount);
    setSearch('');
  }
  const input = useRef<HTMLInputElement>(null);
  const focusRequest = useApp((s) => s.searchFocusRequest);
  useFocusAfterDelete(input);

  useEffect(() => {
    if (search === library.getState().query.search) return;
    const timer = setTimeout(() => void library.getState().setQuery({ search }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, library]);

  useEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const toggleChip = (states: JobState[]) => {
    const on = states.every((s) => query.states.includes(s));
    const next = on ? query.states.filter((s) => !states.includes(s)) : [...new Set([...query.states, ...states])];
    void library.getState().setQuery({ states: next });
  };

  return (
    <div className="library-toolbar">
      <div className="search-field">
        <SearchIcon size={16} className="search-icon" aria-hidden="true" />
        <input
          ref={input}
          type="text"
          enterKeyHint="search"
          className="input"
          placeholder={t('library.toolbar.searchPlaceholder')}
          aria-label={t('library.toolbar.searchLabel')}
          aria-keyshortcuts={MOD_LABEL === '⌘' ? 'Meta+F' : 'Control+F'}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && search) {
              e.stopPropagation();
              setSearch('');
            }
          }}
        />
        {search ? (
          <button type="button" className="icon-button search-clear" aria-label={t('library.toolbar.clearSearch')} onClick={() => setSearch('')}>
            <CloseIcon size={14} aria-hidden="true" />
          </button>
        ) : (
          <kbd className="search-kbd" aria-hidden="true">
            {t('library.toolbar.searchShortcut', { mod: MOD_LABEL })}
          </kbd>
        )}
      </div>
      <div className="chips" role="group" aria-label={t('library.toolbar.filterLabel')}>
        {STATE_CHIPS.map((chip) => (
          <button
            key={chip.label}
            type="button"
            className="chip"
            aria-pressed={chip.states.every((s) => query.states.includes(s))}
            onClick={() => toggleChip(chip.states)}
          >
            {t(chip.label)}
          </button>
        ))}
        <button
          type="button"
          className="chip chip-favourite"
          aria-pressed={query.favourite}
          onClick={() => void library.getState().setQuery({ favourite: !query.favourite })}
        >
          <StarIcon size={13} aria-hidden="true" />
          {t('library.toolbar.favourites')}
        </button>
      </div>
      <select
        className="select"
        aria-label={t('library.toolbar.sortLabel')}
        value={query.sort}
        onChange={(e) => void library.getState().setQuery({ sort: e.target.value === 'oldest' ? 'oldest' : 'newest' })}
      >
        <option value="newest">{t('library.toolbar.newestFirst')}</option>
        <option value="oldest">{t('library.toolbar.oldestFirst')}</option>
      </select>
      <SelectionBar />
    </div>
  );
}
