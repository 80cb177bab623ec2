// What went wrong with a job, the same wherever a job's failure is shown (its card in the Jobs
// panel, its Library detail): the title, our sentence, the provider's own words apart (they are no
// longer inside our sentence, which is translated), and the technical facts behind "Show details".
import type { ReactNode } from 'react';
import type { JobError } from '../../shared/domain';
import { describeJobError } from '../api/errors';
import { ErrorDetails } from './ErrorDetails';
import { ProviderWords } from './ProviderWords';

export function JobErrorSummary({ error, unknown, label, children }: { error: JobError; unknown: boolean; label: string; children?: ReactNode }) {
  const friendly = describeJobError(error);
  return (
    <div className={`job-error ${unknown ? 'is-unknown' : ''}`} role="group" aria-label={label}>
      <p className="job-error-title">{friendly.title}</p>
      <p className="job-error-message">{friendly.message}</p>
      {friendly.providerWords && <ProviderWords words={friendly.providerWords} />}
      {friendly.details && <ErrorDetails details={friendly.details} />}
      {children}
    </div>
  );
}
