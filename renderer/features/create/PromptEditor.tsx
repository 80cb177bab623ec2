// The prompt: a roomy multi-line field with a character count and the last ten prompts a click away.
import { useEffect, useRef, useState } from 'react';
import { MAX_PROMPT_LENGTH } from '../../../shared/domain';
import { HistoryIcon } from '../../components/icons';
import { useCreate, useStores } from '../../stores/hooks';

export function PromptEditor() {
  const { create } = useStores();
  const prompt = useCreate((s) => s.prompt);
  const over = prompt.length > MAX_PROMPT_LENGTH;
  return (
    <div className="prompt-editor">
      <div className="prompt-head">
        <label htmlFor="prompt" className="field-label">
          Prompt
        </label>
        <RecentPrompts />
      </div>
      <div className={`prompt-box ${over ? 'is-over' : ''}`}>
        <textarea
          id="prompt"
          className="prompt-input"
          rows={4}
          placeholder="Describe the shot: the motion, the camera, the mood, the sound. e.g. “The fox turns its head toward the camera as snow starts to fall; slow push-in, soft morning light.”"
          value={prompt}
          aria-describedby="prompt-count"
          aria-invalid={over || undefined}
          onChange={(e) => create.getState().setField('prompt', e.target.value)}
        />
        <span id="prompt-count" className="prompt-count">
          <span className="visually-hidden">Characters used: </span>
          {prompt.length.toLocaleString()} / {MAX_PROMPT_LENGTH.toLocaleString()}
        </span>
      </div>
    </div>
  );
}

function RecentPrompts() {
  const { create } = useStores();
  const recent = useCreate((s) => s.recentPrompts);
  const [open, setOpen] = useState(false);
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
        Recent prompts
      </button>
      {open && (
        <ul className="popover recent-list" aria-label="Recent prompts">
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
