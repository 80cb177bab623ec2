// A failure told in the terms of a free provider (the simulator): it charges nothing, has no
// dashboard to check, keeps its jobs only in memory while it runs (the built-in one stops with the
// app), and fakes some refusals on purpose ([sim:<scenario>]). The general sentences (classify.ts,
// messages.ts) are written for paid providers; here the ones that would mislead are replaced, by kind.
import type { JobError, Provider } from '../../../shared/domain';
import { say } from '../../../shared/i18n/messages';
import { isBilledProvider } from '../../../shared/pricing';

export function inProviderTerms(provider: Provider, error: JobError): JobError {
  if (isBilledProvider(provider)) return error;
  const said = freeProviderMessage(error);
  return said === undefined ? error : { ...error, notCharged: true, ...said };
}

function freeProviderMessage(error: JobError): ReturnType<typeof say> | undefined {
  switch (error.kind) {
    case 'outcome_unknown':
      return say('app.simulator.outcomeUnknown');
    case 'not_found':
      return say('app.simulator.notFound');
    case 'expired':
      return say('app.simulator.expired');
    case 'validation':
      if (error.httpStatus === 413) {
        return say('app.simulator.payloadTooLarge');
      }
      return undefined;
    default:
      return undefined;
  }
}
