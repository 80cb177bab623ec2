// What a finished take offers beside "Use these settings": another take of its shot (with its seed,
// where the model takes one) and, for a take made with a Fast model, its final on the full model —
// the same picture, prompt, seed and settings, linked to the draft. Both spend, so both go through
// the spend guard (its confirm dialog when above the limit). A draft whose final is on its way or
// done offers "Open final" instead: one draft, one paid final (shared/finals.ts; the core refuses a
// second one too).
import { useEffect, useState } from 'react';
import type { JobRecord } from '../../../shared/domain';
import { isFinalState } from '../../../shared/domain';
import { liveFinalOf } from '../../../shared/finals';
import { MODELS } from '../../../shared/models';
import { RecheckIcon, SparklesIcon } from '../../components/icons';
import { useT } from '../../i18n/useT';
import { useLibrary, useStores } from '../../stores/hooks';
import { useStore } from 'zustand';

export function TakeActions({ record }: { record: JobRecord }) {
  const { spendGuard, toasts, library } = useStores();
  const t = useT();
  const busy = useStore(spendGuard, (s) => s.retrying.has(record.id));
  const model = MODELS[record.params.model];
  const final = model.finalModel ? MODELS[model.finalModel] : undefined;
  const madeFinal = useLiveFinal(record, final !== undefined);
  if (!isFinalState(record.state)) return null;
  const seeded = model.options.seed && record.params.seed !== undefined;

  const anotherTake = async () => {
    const made = await spendGuard.getState().requestRerun(record.id, 'take');
    if (made) toasts.getState().push({ tone: 'success', title: seeded
          ? t('library.takes.startedWithSeed', { take: made.take ?? 2, seed: record.params.seed! })
          : t('library.takes.started', { take: made.take ?? 2 }) });
  };
  const makeFinal = async () => {
    const made = await spendGuard.getState().requestRerun(record.id, 'final');
    if (!made) return;
    toasts.getState().push({ tone: 'success', title: t('library.takes.finalStarted', { model: MODELS[made.params.model].label }) });
    void library.getState().select(made.id);
  };

  return (
    <>
      <button type="button" className="btn btn-ghost" aria-disabled={busy || undefined} onClick={() => !busy && void anotherTake()}>
        <RecheckIcon size={14} aria-hidden="true" />
        {seeded ? t('library.takes.anotherWithSeed') : t('library.takes.another')}
      </button>
      {final && madeFinal && (
        <button type="button" className="btn btn-ghost" onClick={() => void library.getState().select(madeFinal.id)}>
          <SparklesIcon size={14} aria-hidden="true" />
          {t('library.takes.openFinal')}
        </button>
      )}
      {final && !madeFinal && (
        <button type="button" className="btn btn-ghost" aria-disabled={busy || undefined} onClick={() => !busy && void makeFinal()}>
          <SparklesIcon size={14} aria-hidden="true" />
          {t('library.takes.makeFinal', { model: final.label })}
        </button>
      )}
    </>
  );
}

/** The draft's final that still counts, read from its chain again whenever the library changes. */
function useLiveFinal(draft: JobRecord, isDraft: boolean): JobRecord | undefined {
  const { api } = useStores();
  const revision = useLibrary((s) => s.revision);
  // Keyed by the draft, so a re-read keeps what was found (no flicker) but another job starts empty.
  const [found, setFound] = useState<{ draftId: string; final?: JobRecord }>();
  useEffect(() => {
    if (!isDraft) return;
    let current = true;
    void api.library.chain({ id: draft.id }).then((result) => {
      if (current && result.ok) setFound({ draftId: draft.id, final: liveFinalOf(draft, result.value.chain) });
    });
    return () => {
      current = false;
    };
  }, [api, draft, isDraft, revision]);
  return found?.draftId === draft.id ? found.final : undefined;
}
