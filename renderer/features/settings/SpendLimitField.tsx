// "Confirm before spending more than $X": empty turns the guard off. Saved when the field loses
// focus or on Enter, so typing "1.5" does not save "1" on the way.
import { useState } from 'react';
import type { SettingsPatch } from '../../../shared/settings';
import { useT } from '../../i18n/useT';

export function parseLimit(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/^\$/, '');
  if (!t) return null;
  if (!/^\d+(\.\d{0,2})?$/.test(t)) return 'invalid';
  return Number(t);
}

export function SpendLimitField({ value, onSave }: { value: number | undefined; onSave: (patch: SettingsPatch) => void }) {
  const t = useT();
  const saved = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(saved);
  const [seen, setSeen] = useState(saved);
  // The stored value changed elsewhere (another window, a reset): show it.
  if (saved !== seen) {
    setSeen(saved);
    setDraft(saved);
  }
  const parsed = parseLimit(draft);

  const commit = () => {
    if (parsed === 'invalid' || (parsed ?? undefined) === value) return;
    onSave({ confirmAboveUsd: parsed });
  };

  return (
    <div className="field field-inline">
      <label htmlFor="confirm-above" className="field-label">
        {t('settings.spend.label')}
      </label>
      <input
        id="confirm-above"
        type="number"
        className="input input-number"
        min={0}
        step={0.01}
        inputMode="decimal"
        placeholder={t('settings.spend.off')}
        value={draft}
        aria-invalid={parsed === 'invalid'}
        aria-describedby="confirm-above-hint"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <p id="confirm-above-hint" className="field-hint">
        {parsed === 'invalid' ? t('settings.spend.invalid') : t('settings.spend.hint')}
      </p>
    </div>
  );
}
