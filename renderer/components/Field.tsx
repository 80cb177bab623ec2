// A labelled form control: the label names the control by id, and the hint below it (if any) has the
// id `<id>-hint`, so a control can point at it with aria-describedby.
import type { ReactNode } from 'react';

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  hintIsError?: boolean;
  /** Label and control on one line (a short number). */
  inline?: boolean;
  children: ReactNode;
}

export function Field({ id, label, hint, hintIsError, inline, children }: FieldProps) {
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {hint !== undefined && (
        <p id={`${id}-hint`} className={`field-hint ${hintIsError ? 'is-error' : ''}`}>
          {hint}
        </p>
      )}
    </div>
  );
}
