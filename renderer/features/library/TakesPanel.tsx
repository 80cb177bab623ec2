// The takes of the selected job's shot, as one group in the detail: each take (with its seed, where
// it has one) one click away, the shown one marked. Nothing when the job is its shot's only take.
import { useEffect, useState } from 'react';
import type { JobRecord } from '../../../shared/domain';
import { useT } from '../../i18n/useT';
import { useLibrary, useStores } from '../../stores/hooks';

export function TakesPanel({ record }: { record: JobRecord }) {
  const { api, library } = useStores();
  const t = useT();
  // A take finished or started elsewhere changes the library: read the shot again.
  const revision = useLibrary((s) => s.revision);
  const [takes, setTakes] = useState<JobRecord[]>([]);
  useEffect(() => {
    let current = true;
    void api.library.takes({ id: record.id }).then((result) => {
      if (current) setTakes(result.ok ? result.value.takes : []);
    });
    return () => {
      current = false;
    };
  }, [api, record.id, record.shotId, revision]);

  if (takes.length < 2) return null;
  return (
    <section className="chain-panel" aria-label={t('library.takes.label')}>
      <p className="chain-line">{t('library.takes.label')}</p>
      <ul className="chain-children">
        {takes.map((take) => (
          <li key={take.id}>
            <button
              type="button"
              className="link-button"
              aria-current={take.id === record.id || undefined}
              onClick={() => void library.getState().select(take.id)}
            >
              {take.params.seed !== undefined
                ? t('library.takes.itemSeed', { take: take.take ?? 1, seed: take.params.seed, state: take.state })
                : t('library.takes.item', { take: take.take ?? 1, state: take.state })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
