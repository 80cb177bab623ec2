// The Language setting: System (the OS/browser's language, named so the user sees what it is now),
// English or 简体中文 — each language named in itself, so a reader finds theirs in either UI.
// Saved like every setting; LanguageProvider re-renders the whole window in it at once.
import { LOCALE_AUTONYMS, LOCALES, type LanguageSetting } from '../../../shared/i18n/locales';
import { GlobeIcon, MonitorIcon } from '../../components/icons';
import { Segmented } from '../../components/Segmented';
import { useT } from '../../i18n/useT';
import { useSystemLocale } from '../../i18n/systemLocale';

export function LanguageField({ value, onChange }: { value: LanguageSetting; onChange: (language: LanguageSetting) => void }) {
  const t = useT();
  const system = useSystemLocale();
  return (
    <div className="language-field">
      <Segmented
        label={t('settings.language.label')}
        value={value}
        options={[
          { value: 'system', label: t('settings.language.system'), icon: <MonitorIcon size={14} aria-hidden="true" /> },
          ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_AUTONYMS[locale], lang: locale, icon: <GlobeIcon size={14} aria-hidden="true" /> })),
        ]}
        onChange={onChange}
      />
      <p className="field-hint" data-testid="language-system">
        {t('settings.language.systemHint', { language: LOCALE_AUTONYMS[system] })}
      </p>
    </div>
  );
}
