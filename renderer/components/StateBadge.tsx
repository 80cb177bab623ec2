import type { JobError, JobState } from '../../shared/domain';
import { isPaused, statusLabel } from '../../shared/job-outcome';

/**
 * The job's local state as visible text, tinted with its semantic colour. A job paused by a refusal
 * (still paid for, waiting for "Check again") says so instead of "running".
 */
export function StateBadge({ state, error, className = '' }: { state: JobState; error?: Pick<JobError, 'kind'>; className?: string }) {
  const paused = isPaused({ state, error });
  return (
    <span className={`state-badge state-${paused ? 'paused' : state} ${className}`}>
      <span className="state-dot" aria-hidden="true" />
      {statusLabel({ state, error })}
    </span>
  );
}
