import type { JobError, JobState } from '../../shared/domain';
import { isPaused, statusLabel } from '../../shared/job-outcome';
import { useLocale } from '../i18n/useT';

/**
 * The job's local state as visible text, tinted with its semantic colour. A job paused by a refusal
 * (still paid for, waiting for "Check again") says so instead of "running"; `label` words the state
 * more precisely where the caller knows more ("waiting" for a free slot).
 */
export function StateBadge({ state, error, label, className = '' }: { state: JobState; error?: Pick<JobError, 'kind'>; label?: string; className?: string }) {
  const paused = isPaused({ state, error });
  const locale = useLocale();
  return (
    <span className={`state-badge state-${paused ? 'paused' : state} ${className}`}>
      <span className="state-dot" aria-hidden="true" />
      {paused ? statusLabel({ state, error }, locale) : (label ?? statusLabel({ state, error }, locale))}
    </span>
  );
}
