// The per-card checkbox of "Select" mode (mounted only in it: outside it a card pays nothing for it). A real checkbox, so it is announced as "checked"/"not
// checked" and toggles with Space when it has focus itself. In Select mode its label covers the
// card, so a click anywhere on the card ticks it instead of opening it (the star stays above).
// Shift+click ticks the range from the card ticked last.
import { useRef } from 'react';
import { excerpt } from '../../components/format';
import { useT } from '../../i18n/useT';
import { useStores } from '../../stores/hooks';
import { clickCheck } from './selection-actions';
import { usePortable } from './usePortable';

export function CardCheck({ id, prompt }: { id: string; prompt: string }) {
  const { library, portable } = useStores();
  const t = useT();
  // The change event does not say whether Shift was held; the press that caused it does.
  const shift = useRef(false);
  const checked = usePortable((s) => s.checked.includes(id));
  return (
    <label className="lib-card-check-area" onPointerDown={(e) => (shift.current = e.shiftKey)}>
      <input
        type="checkbox"
        className="lib-card-check"
        aria-label={t('library.card.check', { prompt: excerpt(prompt, 60) })}
        checked={checked}
        onChange={() => {
          clickCheck(library, portable, id, shift.current);
          shift.current = false;
        }}
      />
    </label>
  );
}
