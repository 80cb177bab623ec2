import type { JobState } from '../../shared/domain';

/** The job's local state as visible text, tinted with its semantic colour. */
export function StateBadge({ state, className = '' }: { state: JobState; className?: string }) {
  return (
    <span className={`state-badge state-${state} ${className}`}>
      <span className="state-dot" aria-hidden="true" />
      {state}
    </span>
  );
}
