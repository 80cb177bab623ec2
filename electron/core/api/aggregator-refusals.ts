// The answers an aggregator (one-api / new-api lineage) gives on its own, before fal sees anything
// (docs/protocol.md, "The aggregator's own answers"): about the key, the balance, what the key may
// use, saturation, channels. Pure functions over a failed HTTP answer, called by classify.ts.
import type { ApiErrorBase, HttpFailure } from './classify';
import { ApiError } from './errors';
import { formatBytes } from '../../../shared/format-bytes';
import { quoted, saysBanned, saysIpNotAllowed, saysNoChannel, saysQuota, saysSaturated, type ProviderWords } from './provider-words';

/**
 * The answers an aggregator gives on its own, before fal sees anything (docs/protocol.md, "The aggregator's own answers"): the key,
 * the balance, what the key may use, saturation. Only 401 blames the key. On submit none of them
 * queued anything, so none was charged.
 */
export function aggregatorRefusal(f: HttpFailure, words: ProviderWords, base: ApiErrorBase): ApiError | undefined {
  const paid = f.op === 'status' || f.op === 'stream' || f.op === 'result' ? refusalOfPaidJob(f, words, base) : undefined;
  if (paid !== undefined) return paid;
  const said = quoted(words);
  const notCharged = f.op === 'submit' ? true : undefined;
  const untouched = f.op === 'submit' ? ' Nothing was queued and you were not charged.' : '';
  const quota = (what: string): ApiError =>
    new ApiError({ ...base, kind: 'quota', notCharged, message: `${what} — top up at your provider, then try again.${untouched}${said}` });
  switch (f.status) {
    case 401:
      // one-api answers 401 "该令牌额度已用尽" for a key whose own limit ran out: the key is fine.
      if (saysQuota(words)) return quota(`This key's quota is used up (HTTP 401)`);
      return new ApiError({ ...base, kind: 'auth', message: `The API key was rejected (HTTP 401) — open Settings and check it.${said}` });
    case 402:
      return quota('Your balance or quota is exhausted (HTTP 402)');
    case 403: {
      if (saysQuota(words)) return quota('Your balance or quota is exhausted (HTTP 403)');
      const forbidden = (what: string): ApiError => new ApiError({ ...base, kind: 'forbidden', notCharged, message: `${what}${untouched}${said}` });
      if (words.page) return forbidden('Something in front of the provider (a firewall or CDN) blocked the request (HTTP 403) — try another network, or ask your provider.');
      if (saysBanned(words)) return forbidden('Your provider has blocked this account or key (HTTP 403) — contact your provider.');
      if (saysIpNotAllowed(words)) return forbidden('Your provider does not accept this key from your IP address (HTTP 403) — allow this address in the key’s settings at your provider.');
      return forbidden('This key may not use this model or endpoint (HTTP 403) — check which models your key or group allows at your provider.');
    }
    case 413: {
      // The limit is the provider's (nginx's default is 1 MB) and unknown to us: never name a number
      // above what was just refused. The picture travels base64-encoded, a third larger than the file.
      const size = f.sentBytes === undefined ? '' : ` (the request carried ${formatBytes(f.sentBytes)}, the picture base64-encoded)`;
      const smaller = f.sentBytes === undefined ? 'a smaller picture' : 'a smaller picture — clearly smaller than that, e.g. a JPEG at a lower resolution';
      return new ApiError({
        ...base,
        kind: 'validation',
        field: 'image_url',
        notCharged,
        message: `The picture was too large for this provider${size} (HTTP 413). Use ${smaller} — or ask your provider to raise its upload limit — and try again.${untouched}${said}`,
      });
    }
    case 429: {
      if (saysQuota(words)) return quota('Your balance or quota is exhausted (HTTP 429)');
      const who = saysSaturated(words) ? "The provider's upstream is saturated" : 'Rate limited by the server';
      return new ApiError({ ...base, kind: 'rate_limit', notCharged, message: `${who} (HTTP 429); gave up after ${attemptsText(f.attempts)}. Wait a minute, then try again.${untouched}${said}` });
    }
    case 503:
      if (!saysNoChannel(words)) return undefined;
      return new ApiError({
        ...base,
        kind: 'unavailable',
        notCharged,
        message: `The provider cannot serve this model right now (HTTP 503). Try again later, or ask your provider which models your group can use.${untouched}${said}`,
      });
    default:
      return undefined;
  }
}

/**
 * The same refusals while following a job the provider already accepted: the job is queued and paid
 * for, and fal keeps making the video whatever the aggregator now says about the key or balance.
 * So the advice is never "try again" (a new, second paid job) but "fix this, then Check again".
 */
function refusalOfPaidJob(f: HttpFailure, words: ProviderWords, base: ApiErrorBase): ApiError | undefined {
  const paused = (kind: 'auth' | 'quota' | 'forbidden' | 'unavailable', what: string, fix: string): ApiError =>
    new ApiError({
      ...base,
      kind,
      message: `${what} (HTTP ${f.status}). This job is still running on the server and paid for — ${fix}, then press "Check again" (CLI: resume) to pick it up.${quoted(words)}`,
    });
  const quota = (): ApiError => paused('quota', 'Your balance or quota ran out while this job was being followed', 'top up at your provider');
  switch (f.status) {
    case 401:
      if (saysQuota(words)) return quota();
      return paused('auth', 'The API key was rejected while this job was being followed', 'fix the key in Settings');
    case 402:
      return quota();
    case 403:
      if (saysQuota(words)) return quota();
      return paused('forbidden', 'This key may no longer read this job', 'check which models your key or group allows at your provider');
    case 429:
      return saysQuota(words) ? quota() : undefined;
    case 503:
      if (!saysNoChannel(words)) return undefined;
      return paused('unavailable', 'The provider cannot answer about this job right now', 'wait a while (or ask your provider about this model)');
    default:
      return undefined;
  }
}

export function attemptsText(n: number): string {
  return n === 1 ? '1 attempt' : `${n} attempts`;
}
