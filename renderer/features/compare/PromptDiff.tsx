// The two prompts as one text: words only in the first are struck out, words only in the second are
// underlined. <del>/<ins> carry the meaning for screen readers as well as the look.
import { useT } from '../../i18n/useT';
import type { DiffPart } from './word-diff';

export function PromptDiff({ parts, label }: { parts: DiffPart[]; label: string }) {
  const t = useT();
  return (
    <div className="compare-diff-block">
      <h3 className="compare-subtitle">{label}</h3>
      <p className="prompt-diff" data-user-text={parts.length > 0 ? '' : undefined}>
        {parts.length === 0 && <span className="muted">{t('compare.diff.empty')}</span>}
        {parts.map((part, i) => {
          const space = i > 0 ? ' ' : '';
          if (part.type === 'del') return <span key={i}>{space}<del>{part.text}</del></span>;
          if (part.type === 'ins') return <span key={i}>{space}<ins>{part.text}</ins></span>;
          return <span key={i}>{space}{part.text}</span>;
        })}
      </p>
    </div>
  );
}
