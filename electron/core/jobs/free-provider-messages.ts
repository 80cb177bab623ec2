// A failure told in the terms of a free provider (the simulator): it charges nothing, has no
// dashboard to check, keeps its jobs only in memory while it runs (the built-in one stops with the
// app), and fakes some refusals on purpose ([sim:<scenario>]). The general sentences (classify.ts,
// messages.ts) are written for paid providers; here the ones that would mislead are replaced, by kind.
import type { JobError, Provider } from '../../../shared/domain';
import { isBilledProvider } from '../../../shared/pricing';

const FREE_RETRY = 'The simulator is free, so nothing was charged; Retry makes a new one.';

export function inProviderTerms(provider: Provider, error: JobError): JobError {
  if (isBilledProvider(provider)) return error;
  const message = freeProviderMessage(error);
  return message === undefined ? error : { ...error, notCharged: true, message };
}

function freeProviderMessage(error: JobError): string | undefined {
  switch (error.kind) {
    case 'outcome_unknown':
      return `The answer to sending this job never arrived, so the simulator may or may not have started it. ${FREE_RETRY}`;
    case 'not_found':
      return `The simulator no longer has this job: it keeps jobs only while it runs, and it stopped since (the built-in one stops with the app). ${FREE_RETRY}`;
    case 'expired':
      return `The simulator's link to the finished video expired before Veo Studio could save it. ${FREE_RETRY}`;
    case 'validation':
      if (error.httpStatus === 413) {
        return 'The simulator refused this request as too large (HTTP 413): its payload_too_large scenario refuses every request, whatever its size. A real provider says this only for a picture above its upload limit. Nothing was charged.';
      }
      return undefined;
    default:
      return undefined;
  }
}
