import type { JobState } from '../../shared/domain';

/** The job's local state as visible text, tinted with its semantic colour. */
/** `label` words the state more precisely where the caller knows more ("waiting" for a free slot). */
export function StateBadge({ state, label, className = '' }: { state: JobState; label?: string; className?: string }) {
  return (
    <span className={`state-badge state-${state} ${className}`}>
      <span className="state-dot" aria-hidden="true" />
      {label ?? state}
    </span>
  );
}
