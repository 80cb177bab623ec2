// The answers an aggregator of the one-api / new-api lineage gives on its own, before fal ever sees a
// request (docs/protocol.md, "The aggregator's own answers" has the sources): its key check, its balance, its refusals, and the
// OpenAI-compatible billing endpoints. Never kinder than the real one: a refusal comes before anything
// is queued, so it carries no x-fal-request-id, creates no job and charges nothing.
import { randomBytes } from 'node:crypto';
import { DEFAULT_MODEL } from '../../../shared/models';
import { estimateCostUsd, priceTableFor } from '../../../shared/pricing';
import type { Exchange } from './exchange';
import type { SubmittedInput } from './input-validation';
import type { ScenarioName } from './scenarios';
import { modelOfSubmitPath } from './wire';

/** What the simulated account holds. `billing: false` = an aggregator without the billing endpoints. */
export interface SimAccountOptions {
  /** Top-up total in USD (hard_limit_usd). Default 100. */
  balanceUsd?: number;
  billing?: boolean;
}

/** Keys that begin like this are unknown to the simulated aggregator: 401, as for a mistyped key. */
export const REJECTED_KEY_PREFIX = 'sk-rejected';

/**
 * Refusals the aggregator can start giving at any moment — the key rotated or disabled, the balance
 * gone, the group's rights changed, the channel removed — while fal keeps (and finishes) jobs it
 * already accepted. One-api authenticates and routes every request, polls included, so from then on
 * every queue request gets the refusal.
 */
export const ACCOUNT_REFUSALS = ['key_disabled', 'quota', 'forbidden', 'no_channel'] as const;
export type AccountRefusal = (typeof ACCOUNT_REFUSALS)[number];

export class SimAccount {
  private readonly limitUsd: number;
  private usedUsd = 0;
  readonly billing: boolean;
  /** Set: every queue request is refused this way (see ACCOUNT_REFUSALS). */
  refusal: AccountRefusal | undefined;

  constructor(opts: SimAccountOptions = {}) {
    this.limitUsd = opts.balanceUsd ?? 100;
    this.billing = opts.billing ?? true;
  }

  remainingUsd(): number {
    return Math.round((this.limitUsd - this.usedUsd) * 100) / 100;
  }

  /** Like new-api's pre-consume: the job's price leaves the balance when it is accepted. */
  charge(input: SubmittedInput): void {
    this.usedUsd += costOf(input);
  }

  canAfford(input: SubmittedInput): boolean {
    return this.remainingUsd() >= costOf(input);
  }

  subscriptionBody(): Record<string, unknown> {
    // controller/billing.go: soft = hard = system hard = remaining + used.
    return {
      object: 'billing_subscription',
      has_payment_method: true,
      soft_limit_usd: this.limitUsd,
      hard_limit_usd: this.limitUsd,
      system_hard_limit_usd: this.limitUsd,
      access_until: 0,
    };
  }

  usageBody(): Record<string, unknown> {
    // total_usage is in cents (one-api multiplies the dollar amount by 100).
    return { object: 'list', total_usage: Math.round(this.usedUsd * 100 * 1e6) / 1e6 };
  }
}

const costOf = (input: SubmittedInput): number =>
  estimateCostUsd({ model: input.model, duration: input.duration, resolution: input.resolution, generateAudio: input.generate_audio }, priceTableFor('aggregator'));

/** new-api appends the aggregator's own request id to every message it writes. */
const withRequestId = (message: string): string => `${message} (request id: ${randomBytes(8).toString('hex')})`;

const envelope = (message: string, type: string, code?: string): Record<string, unknown> => ({
  error: { message: withRequestId(message), type, param: '', code: code ?? null },
});

/** The model a request is about, as new-api names it: the posted endpoint, else the app's default model. */
const modelNamed = (ex: Exchange): string => modelOfSubmitPath(ex.url.pathname) ?? DEFAULT_MODEL;
const notAllowed = (ex: Exchange): void => ex.json(403, envelope(`该令牌无权使用模型：${modelNamed(ex)}`, 'one_api_error'));
const noChannel = (ex: Exchange): void =>
  ex.json(503, envelope(`分组 default 下模型 ${modelNamed(ex)} 无可用渠道（distributor）`, 'new_api_error', 'model_not_found'));

/** The scenarios that are the aggregator's own refusal of a submit. */
export const AGGREGATOR_REFUSALS: Partial<Record<ScenarioName, (ex: Exchange, account: SimAccount) => void>> = {
  quota_exhausted: (ex, account) => quotaRefusal(ex, account),
  payment_required: (ex) =>
    ex.json(402, envelope('Insufficient balance: please top up your account to continue.', 'new_api_error', 'insufficient_user_quota')),
  model_not_allowed: notAllowed,
  no_channel: noChannel,
  payload_too_large: (ex) => ex.raw(413, NGINX_413, 'text/html'),
};

/** The aggregator's answer for a request while `account.refusal` is set, word for word as new-api writes it. */
export function accountRefusal(ex: Exchange, account: SimAccount, refusal: AccountRefusal): void {
  switch (refusal) {
    case 'key_disabled':
      return ex.json(401, envelope('该令牌状态不可用', 'new_api_error'));
    case 'quota':
      return quotaRefusal(ex, account);
    case 'forbidden':
      return notAllowed(ex);
    case 'no_channel':
      return noChannel(ex);
  }
}

/** new-api rewrites every 429 of its relay to this (controller/relay.go); group_saturated sends it twice. */
export function saturated(ex: Exchange): void {
  ex.json(429, envelope('当前分组上游负载已饱和，请稍后再试', 'new_api_error', 'do_response_failed'));
}

/** new-api's pre-consume refusal, word for word (service/quota.go), with what is really left. */
export function quotaRefusal(ex: Exchange, account: SimAccount): void {
  const left = Math.max(0, account.remainingUsd()).toFixed(6);
  ex.json(403, envelope(`用户额度不足, 剩余额度: ＄${left}`, 'new_api_error', 'insufficient_user_quota'));
}

const NGINX_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Keys of a banned user: one-api's TokenAuth answers 403 `用户已被封禁`. */
export const BANNED_KEY_PREFIX = 'sk-banned';
/** Keys limited to other IP addresses: new-api answers 403 `您的 IP 不在令牌允许访问的列表中`. */
export const IP_LIMITED_KEY_PREFIX = 'sk-iplimited';

/**
 * one-api's TokenAuth, before any route is looked at: an unknown key is a 401, a banned user's or an
 * IP-limited key a 403, each in its envelope. Answers and returns true when the key is refused.
 */
export function refuseKey(ex: Exchange, authorization: string | undefined): boolean {
  const credential = /^(?:Bearer|Key)\s+(\S+)/i.exec(authorization ?? '')?.[1] ?? '';
  if (credential.startsWith(REJECTED_KEY_PREFIX)) ex.json(401, envelope('无效的令牌', 'one_api_error'));
  else if (credential.startsWith(BANNED_KEY_PREFIX)) ex.json(403, envelope('用户已被封禁', 'one_api_error'));
  else if (credential.startsWith(IP_LIMITED_KEY_PREFIX)) ex.json(403, envelope('您的 IP 不在令牌允许访问的列表中', 'new_api_error'));
  else return false;
  return true;
}

const SUBSCRIPTION_PATHS = new Set(['/v1/dashboard/billing/subscription', '/dashboard/billing/subscription']);
const USAGE_PATHS = new Set(['/v1/dashboard/billing/usage', '/dashboard/billing/usage']);

/** Answers the billing endpoints; false when the path is not one of them (or billing is off). */
export function billingRoute(ex: Exchange, account: SimAccount): boolean {
  if (!account.billing) return false;
  const path = ex.url.pathname;
  if (SUBSCRIPTION_PATHS.has(path)) {
    ex.json(200, account.subscriptionBody());
    return true;
  }
  if (USAGE_PATHS.has(path)) {
    ex.json(200, account.usageBody());
    return true;
  }
  return false;
}
