// The answers an aggregator (one-api / new-api lineage) gives on its own, before fal sees anything
// (docs/protocol.md, "The aggregator's own answers"): about the key, the balance, what the key may
// use, saturation, channels. Pure functions over a failed HTTP answer, called by classify.ts.
import type { ApiErrorBase, HttpFailure } from './classify';
import { ApiError, coded } from './errors';
import type { MessageId, MessageParams } from '../../../shared/i18n/messages';
import { formatBytes } from '../../../shared/format-bytes';
import { saysBanned, saysIpNotAllowed, saysNoChannel, saysQuota, saysSaturated, type ProviderWords } from './provider-words';

/**
 * The answers an aggregator gives on its own, before fal sees anything (docs/protocol.md, "The aggregator's own answers"): the key,
 * the balance, what the key may use, saturation. Only 401 blames the key. On submit none of them
 * queued anything, so none was charged.
 */
export function aggregatorRefusal(f: HttpFailure, words: ProviderWords, base: ApiErrorBase): ApiError | undefined {
  const paid = f.op === 'status' || f.op === 'stream' || f.op === 'result' ? refusalOfPaidJob(f, words, base) : undefined;
  if (paid !== undefined) return paid;
  const notCharged = f.op === 'submit' ? true : undefined;
  const queued = f.op === 'submit' ? 'no' : 'unknown';
  const refused = (code: MessageId, params: MessageParams = {}) => coded(code, { queued, ...params }, words.message);
  const quota = (status: number): ApiError => new ApiError({ ...base, kind: 'quota', notCharged, ...refused('api.refusal.quota', { status }) });
  switch (f.status) {
    case 401:
      // one-api answers 401 "该令牌额度已用尽" for a key whose own limit ran out: the key is fine.
      if (saysQuota(words)) return new ApiError({ ...base, kind: 'quota', notCharged, ...refused('api.refusal.keyQuota') });
      return new ApiError({ ...base, kind: 'auth', ...coded('api.refusal.keyRejected', undefined, words.message) });
    case 402:
      return quota(402);
    case 403: {
      if (saysQuota(words)) return quota(403);
      const forbidden = (code: MessageId): ApiError => new ApiError({ ...base, kind: 'forbidden', notCharged, ...refused(code) });
      if (words.page) return forbidden('api.refusal.blockedInFront');
      if (saysBanned(words)) return forbidden('api.refusal.banned');
      if (saysIpNotAllowed(words)) return forbidden('api.refusal.ipNotAllowed');
      return forbidden('api.refusal.modelNotAllowed');
    }
    case 413: {
      // The limit is the provider's (nginx's default is 1 MB) and unknown to us: never name a number
      // above what was just refused. The picture travels base64-encoded, a third larger than the file.
      const sent: MessageParams = f.sentBytes === undefined ? { sent: 'unknown' } : { sent: 'known', size: formatBytes(f.sentBytes) };
      return new ApiError({ ...base, kind: 'validation', field: 'image_url', notCharged, ...refused('api.refusal.pictureTooLarge', sent) });
    }
    case 429: {
      if (saysQuota(words)) return quota(429);
      const who = saysSaturated(words) ? 'saturated' : 'server';
      return new ApiError({ ...base, kind: 'rate_limit', notCharged, ...refused('api.refusal.rateLimited', { who, attempts: f.attempts }) });
    }
    case 503:
      if (!saysNoChannel(words)) return undefined;
      return new ApiError({ ...base, kind: 'unavailable', notCharged, ...refused('api.refusal.noChannel') });
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
  const paused = (kind: 'auth' | 'quota' | 'forbidden' | 'unavailable', code: MessageId): ApiError =>
    new ApiError({ ...base, kind, ...coded(code, { status: f.status }, words.message) });
  const quota = (): ApiError => paused('quota', 'api.paid.quota');
  switch (f.status) {
    case 401:
      if (saysQuota(words)) return quota();
      return paused('auth', 'api.paid.keyRejected');
    case 402:
      return quota();
    case 403:
      if (saysQuota(words)) return quota();
      return paused('forbidden', 'api.paid.forbidden');
    case 429:
      return saysQuota(words) ? quota() : undefined;
    case 503:
      if (!saysNoChannel(words)) return undefined;
      return paused('unavailable', 'api.paid.noChannel');
    default:
      return undefined;
  }
}

export function attemptsText(n: number): string {
  return n === 1 ? '1 attempt' : `${n} attempts`;
}
