// What the server said, in its own words, whoever answered: fal (`{detail}`), an aggregator of the
// one-api / new-api lineage (`{"error":{"message","type","code"}}`, or a task relay's
// `{"code","message","data"}`), a bare `{"message"}`, or a proxy's HTML error page. docs/protocol.md, "The aggregator's own answers"
// lists the shapes and where they come from. Only text comes out: never raw JSON or markup.
import { z } from 'zod';
import { parseJson } from './wire';

/** Long enough for any real refusal (new-api appends "(request id: …)"), short enough for a toast. */
export const MAX_WORDS_CHARS = 300;

export interface ProviderWords {
  /** The human sentence, trimmed and bounded; undefined when the body carries none. */
  message?: string;
  /** The machine code (`insufficient_user_quota`, `model_not_found`, …), lower-cased. */
  code?: string;
  /** The error type (`new_api_error`, `one_api_error`, `upstream_error`, …). */
  type?: string;
  /** The words came from an HTML page (a proxy, CDN or firewall answered), not from the API. */
  page?: boolean;
}

const text = z
  .unknown()
  .transform((v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined))
  .optional();

const EnvelopeSchema = z.object({
  error: z
    .union([z.string(), z.object({ message: text, type: text, code: text }).passthrough()])
    .optional()
    .catch(undefined),
  message: text,
  msg: text,
  code: text,
  type: text,
  detail: z.unknown().optional(),
});

export function providerWords(bodyText: string): ProviderWords {
  const json = parseJson(bodyText);
  if (json === undefined) {
    const message = plainWords(bodyText);
    const page = /^\s*<(!doctype|html|head|body)\b/i.test(bodyText);
    return { ...(message === undefined ? {} : { message }), ...(page ? { page } : {}) };
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) return {};
  const b = parsed.data;
  const inner = typeof b.error === 'object' ? b.error : undefined;
  const message = clean(inner?.message ?? (typeof b.error === 'string' ? b.error : undefined) ?? b.message ?? b.msg ?? detailWords(b.detail));
  const code = lower(inner?.code ?? b.code);
  const type = lower(inner?.type ?? b.type);
  const out: ProviderWords = {};
  if (message !== undefined) out.message = message;
  if (code !== undefined) out.code = code;
  if (type !== undefined) out.type = type;
  return out;
}

/** fal's `detail`: a string, or a list of `{msg}` items. */
function detailWords(detail: unknown): string | undefined {
  if (typeof detail === 'string') return detail;
  const items = Array.isArray(detail) ? detail : detail !== null && typeof detail === 'object' ? [detail] : [];
  const msgs = items.flatMap((i) => (i !== null && typeof i === 'object' && typeof (i as { msg?: unknown }).msg === 'string' ? [(i as { msg: string }).msg] : []));
  return msgs.length > 0 ? msgs.slice(0, 3).join('; ') : undefined;
}

/** Not JSON: an HTML error page gives its title (nginx: "413 Request Entity Too Large"), plain text itself. */
function plainWords(body: string): string | undefined {
  const trimmed = body.trim();
  if (trimmed === '') return undefined;
  if (/^<(!doctype|html|head|body)\b/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(trimmed)?.[1];
    return clean(title);
  }
  if (/^[[{]/.test(trimmed)) return undefined; // broken JSON: nothing a person should read
  return clean(trimmed);
}

function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  // Control characters out (a hostile body must not paint the terminal), whitespace collapsed, and
  // bidi controls out: an unclosed U+202E would reverse our own closing quote and "…" after it.
  const one = s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (one === '') return undefined;
  return one.length > MAX_WORDS_CHARS ? `${one.slice(0, MAX_WORDS_CHARS - 1)}…` : one;
}

function lower(s: string | undefined): string | undefined {
  const t = s?.trim().toLowerCase();
  return t === undefined || t === '' ? undefined : t.slice(0, 100);
}

// ---- What the words mean --------------------------------------------------------------------

/** Codes new-api / one-api use when the balance or a quota ran out (types/error.go, relay/…/helper.go). */
const QUOTA_CODES = new Set([
  'insufficient_user_quota',
  'pre_consume_token_quota_failed',
  'insufficient_quota',
  'insufficient_balance',
  'quota_exceeded',
  'entitlement_daily_limit_exceeded',
  'entitlement_total_limit_exceeded',
]);
// "credit" alone is not enough: rate limits mention "credits tiers"; only credits that ran out count.
const QUOTA_WORDS = /quota|balance|insufficient credit|out of credit|no credits? left|credits? (?:exhausted|used up|depleted|ran out)|top.?up|额度|余额|欠费|充值|透支/i;
const BANNED_WORDS = /封禁|已被禁用|banned|suspended|account (?:is )?disabled|user (?:is )?disabled/i;
const IP_WORDS = /\bIP\b.*(?:不在|白名单|允许|allow|whitelist|not permitted)|(?:allowlist|whitelist).*\bIP\b/i;
const SATURATED_WORDS = /饱和|saturat|overload|负载|busy|繁忙/i;
const NO_CHANNEL_CODES = new Set(['model_not_found', 'get_channel_failed', 'channel:no_available_key']);
const NO_CHANNEL_WORDS = /无可用渠道|no available channel|model not found|模型不存在/i;

export function saysQuota(w: ProviderWords): boolean {
  return (w.code !== undefined && QUOTA_CODES.has(w.code)) || (w.message !== undefined && QUOTA_WORDS.test(w.message));
}

/** The provider blocked the user or the key as such (new-api: "用户已被封禁"). */
export function saysBanned(w: ProviderWords): boolean {
  return w.message !== undefined && BANNED_WORDS.test(w.message);
}

/** The key is limited to some IP addresses and this is not one (new-api: "您的 IP 不在令牌允许访问的列表中"). */
export function saysIpNotAllowed(w: ProviderWords): boolean {
  return w.message !== undefined && IP_WORDS.test(w.message);
}

export function saysSaturated(w: ProviderWords): boolean {
  return w.message !== undefined && SATURATED_WORDS.test(w.message);
}

export function saysNoChannel(w: ProviderWords): boolean {
  return (w.code !== undefined && NO_CHANNEL_CODES.has(w.code)) || (w.message !== undefined && NO_CHANNEL_WORDS.test(w.message));
}

/** ` The provider said: "…"` — or nothing when it said nothing. */
export function quoted(w: ProviderWords): string {
  return w.message === undefined ? '' : ` The provider said: “${w.message}”`;
}
