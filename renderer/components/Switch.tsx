import { useId } from 'react';

/** An on/off switch: a native checkbox with role="switch", labelled by `label`. */
export function Switch(props: { label: string; description?: string; checked: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  return (
    <div className="switch-row">
      <label className="switch" htmlFor={id}>
        <span className="switch-text">
          <span className="switch-label">{props.label}</span>
        </span>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={props.checked}
          aria-describedby={props.description ? `${id}-desc` : undefined}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
      </label>
      {props.description && (
        <p id={`${id}-desc`} className="field-hint">
          {props.description}
        </p>
      )}
    </div>
  );
}
