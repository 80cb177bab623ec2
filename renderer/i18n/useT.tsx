// How components say things: t('create.generate') for plain text (attributes, aria-labels, titles),
// <Say id=… values=…/> when a message wraps markup (<b>…</b>, links) — never concatenated fragments.
import { useCallback } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ReactNode } from 'react';
import type { Locale } from '../../shared/i18n/locales';
import type { MessageId } from '../../shared/i18n/messages';
import type { MessageValues } from './intl';

export type Translate = (id: MessageId, values?: MessageValues) => string;

export function useT(): Translate {
  const intl = useIntl();
  return useCallback<Translate>((id, values) => String(intl.formatMessage({ id }, values)), [intl]);
}

export const useLocale = (): Locale => useIntl().locale as Locale;

/** A message with markup: `values` may map tags to elements, e.g. `{ b: (text) => <b>{text}</b> }`. */
export function Say({ id, values }: { id: MessageId; values?: Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)> }) {
  return <FormattedMessage id={id} values={values as Record<string, never>} />;
}

/**
 * `<code>…</code>` in a message: a command, an address or a value typed as it is, never translated
 * (marked as data, so the stray-English check in the e2e tests leaves it alone).
 */
export const asCode = (chunks: ReactNode[]): ReactNode => <code data-user-text="">{chunks}</code>;
