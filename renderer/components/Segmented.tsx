import type { ReactNode } from 'react';
import { useId } from 'react';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
  icon?: ReactNode;
  hint?: string;
  /** The label's language when it differs from the page's (a language named in itself). */
  lang?: string;
}

/** A radio group drawn as a segmented control: native radios, so arrows and Tab work as expected. */
export function Segmented<T extends string>(props: {
  label: string;
  value: T;
  options: readonly SegmentOption<T>[];
  onChange: (value: T) => void;
  hideLabel?: boolean;
}) {
  const name = useId();
  const labelId = `${name}-label`;
  return (
    <div className="field">
      <span id={labelId} className={props.hideLabel ? 'visually-hidden' : 'field-label'}>
        {props.label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
        {props.options.map((opt) => (
          <label key={opt.value} className="segment" title={opt.hint}>
            <input
              type="radio"
              name={name}
              value={opt.value}
              checked={props.value === opt.value}
              onChange={() => props.onChange(opt.value)}
            />
            <span className="segment-face">
              {opt.icon}
              <span lang={opt.lang}>{opt.label}</span>
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}
