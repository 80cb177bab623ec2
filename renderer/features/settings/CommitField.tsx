// A one-line setting saved when it is committed (blur or Enter), checked first: the API base URL and
// the proxy. `check` returns an error sentence, or undefined when the value may be saved.
import { useState, type ReactNode } from 'react';
import { Field } from '../../components/Field';

export interface CommitFieldProps {
  id: string;
  label: string;
  saved: string;
  placeholder: string;
  hint: ReactNode;
  type?: 'url' | 'text';
  /** Shown but not editable (the browser host takes these from its command line). */
  readOnly?: boolean;
  check(value: string): ReactNode | undefined;
  onCommit(value: string): void;
}

export function CommitField({ id, label, saved, placeholder, hint, type = 'text', readOnly, check, onCommit }: CommitFieldProps) {
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<ReactNode>();

  const commit = () => {
    const value = draft.trim();
    if (value === saved) return setError(undefined);
    const problem = check(value);
    setError(problem);
    if (problem === undefined) onCommit(value);
  };

  return (
    <Field id={id} label={label} hint={error ?? hint} hintIsError={!!error}>
      <input
        id={id}
        type={type}
        className="input"
        placeholder={placeholder}
        spellCheck={false}
        value={draft}
        aria-invalid={!!error || undefined}
        aria-describedby={`${id}-hint`}
        readOnly={readOnly}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </Field>
  );
}
