// Catalog lookup and ICU formatting (FormatJS's intl-messageformat, which formats numbers, dates
// and plurals through the platform's Intl) for code that is not React: the core's English
// sentences, the desktop shell's menus, tests. React code uses react-intl on the same catalogs.
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en';
import type { Locale } from './locales';
import type { MessageParams } from './params';
import { zhCN } from './zh-CN';

export type { MessageParams } from './params';
export type MessageId = keyof typeof en;
export type Messages = Readonly<Record<MessageId, string>>;
export const CATALOGS: Readonly<Record<Locale, Messages>> = { en, 'zh-CN': zhCN };


/** Text that is data: a catalog code and its parameters, rendered by each face in its language. */
export interface CodedMessage {
  code: MessageId;
  params?: MessageParams;
}

export const isMessageId = (code: unknown): code is MessageId => typeof code === 'string' && Object.hasOwn(en, code);

const compiled = new Map<string, IntlMessageFormat>();

/** A catalog message in `locale`, its placeholders filled in. */
export function formatMessage(locale: Locale, code: MessageId, params?: MessageParams): string {
  const cacheKey = `${locale}\u0000${code}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(CATALOGS[locale][code], locale);
    compiled.set(cacheKey, format);
  }
  return String(format.format(params));
}

/**
 * A coded message with its English sentence, for the places that keep English: records on disk
 * (read by older versions and by scripts), the CLI, logs. The code is what the faces render.
 */
export function say(code: MessageId, params?: MessageParams): CodedMessage & { message: string } {
  return { code, ...(params === undefined ? {} : { params }), message: formatMessage('en', code, params) };
}

/**
 * What to show for a message that may carry a code: the code in `locale` when it is one we know
 * (a record from a newer version may carry one we do not), else the words it was stored with.
 */
export function renderMessage(locale: Locale, message: { code?: string; params?: MessageParams; message: string }): string {
  if (!isMessageId(message.code)) return message.message;
  try {
    return formatMessage(locale, message.code, message.params);
  } catch {
    return message.message; // params that do not fit the message (a hand-edited record): keep the stored words
  }
}
