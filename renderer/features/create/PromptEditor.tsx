// The prompt: a roomy multi-line field with a character count and the last ten prompts a click away.
import { useEffect, useRef, useState } from 'react';
import { MAX_PROMPT_LENGTH } from '../../../shared/domain';
import { HistoryIcon } from '../../components/icons';
import { useCreate, useStores } from '../../stores/hooks';
import { useT } from '../../i18n/useT';

export function PromptEditor() {
  const { create } = useStores();
  const prompt = useCreate((s) => s.prompt);
  const over = prompt.length > MAX_PROMPT_LENGTH;
  const t = useT();
  return (
    <div className="prompt-editor">
      <div className="prompt-head">
        <label htmlFor="prompt" className="field-label">
          {t('create.prompt.label')}
        </label>
        <RecentPrompts />
      </div>
      <div className={`prompt-box ${over ? 'is-over' : ''}`}>
        <textarea
          id="prompt"
          className="prompt-input"
          rows={4}
          placeholder={t('create.prompt.placeholder')}
          value={prompt}
          aria-describedby="prompt-count"
          aria-invalid={over || undefined}
          onChange={(e) => create.getState().setField('prompt', e.target.value)}
        />
        <span id="prompt-count" className="prompt-count">
          <span className="visually-hidden">{t('create.prompt.charactersUsed')}</span>
          {t('create.prompt.count', { used: prompt.length, max: MAX_PROMPT_LENGTH })}
        </span>
      </div>
    </div>
  );
}

function RecentPrompts() {
  const { create } = useStores();
  const recent = useCreate((s) => s.recentPrompts);
  const [open, setOpen] = useState(false);
  const t = useT();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  if (recent.length === 0) return null;
  return (
    <div
      className="popover-anchor"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('button')?.focus();
        }
      }}
    >
      <button type="button" className="btn btn-ghost btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
        <HistoryIcon size={14} aria-hidden="true" />
        {t('create.prompt.recent')}
      </button>
      {open && (
        <ul className="popover recent-list" aria-label={t('create.prompt.recent')}>
          {recent.map((p) => (
            <li key={p}>
              <button
                type="button"
                className="recent-item"
                onClick={() => {
                  create.getState().setField('prompt', p);
                  setOpen(false);
                  document.getElementById('prompt')?.focus();
                }}
              >
                {p}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
