// The two jobs' settings side by side; rows that differ are marked (colour and the word "differs",
// so the difference does not rest on colour alone).
import { PROVIDER_NAME } from '../../i18n/provider-name';
import type { JobRecord } from '../../../shared/domain';
import type { Locale } from '../../../shared/i18n/locales';
import { formatMessage, type MessageId } from '../../../shared/i18n/messages';
import { MODELS } from '../../../shared/models';
import { useLocale, useT } from '../../i18n/useT';

interface Row {
  label: MessageId;
  /** The value as shown; `say` gives this table's own words (Auto, On, Random…) in the page's language. */
  value: (r: JobRecord, say: (id: MessageId) => string) => string;
  /** The value is what the user wrote (a prompt), not our words. */
  userText?: boolean;
}


const ROWS: Row[] = [
  { label: 'compare.settings.model', value: (r) => MODELS[r.params.model].label },
  { label: 'compare.settings.aspectRatio', value: (r, say) => (r.params.aspectRatio === 'auto' ? say('compare.settings.auto') : r.params.aspectRatio) },
  { label: 'compare.settings.duration', value: (r) => r.params.duration },
  { label: 'compare.settings.resolution', value: (r) => r.params.resolution },
  { label: 'compare.settings.audio', value: (r, say) => say(r.params.generateAudio ? 'compare.settings.on' : 'compare.settings.off') },
  { label: 'compare.settings.seed', value: (r, say) => (r.params.seed === undefined ? say('compare.settings.random') : String(r.params.seed)) },
  { label: 'compare.settings.negativePrompt', value: (r, say) => r.params.negativePrompt || say('common.dash'), userText: true },
  { label: 'compare.settings.provider', value: (r, say) => say(PROVIDER_NAME[r.provider]) },
];

export function settingsDiffRows(a: JobRecord, b: JobRecord, locale: Locale = 'en'): Array<{ label: string; a: string; b: string; differs: boolean; userText: boolean }> {
  const say = (id: MessageId) => formatMessage(locale, id);
  return ROWS.map((row) => {
    const left = row.value(a, say);
    const right = row.value(b, say);
    return { label: say(row.label), a: left, b: right, differs: left !== right, userText: row.userText === true };
  });
}

export function SettingsDiff({ a, b }: { a: JobRecord; b: JobRecord }) {
  const t = useT();
  const rows = settingsDiffRows(a, b, useLocale());
  const differing = rows.filter((r) => r.differs).length;
  return (
    <table className="settings-diff" aria-label={t('compare.settings.label')}>
      <caption>{t('compare.settings.summary', { count: differing })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('compare.settings.setting')}</th>
          <th scope="col">{t('compare.sideA')}</th>
          <th scope="col">{t('compare.sideB')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={row.differs ? 'is-different' : undefined}>
            <th scope="row">
              {row.label}
              {row.differs && <span className="diff-flag">{t('compare.settings.differs')}</span>}
            </th>
            <td data-user-text={row.userText ? '' : undefined}>{row.a}</td>
            <td data-user-text={row.userText ? '' : undefined}>{row.b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
