// What a finished take offers beside "Use these settings": another take of its shot (with its seed,
// where the model takes one) and, for a take made with a Fast model, its final on the full model —
// the same picture, prompt, seed and settings, linked to the draft. Both spend, so both go through
// the spend guard (its confirm dialog when above the limit).
import type { JobRecord } from '../../../shared/domain';
import { isFinalState } from '../../../shared/domain';
import { MODELS } from '../../../shared/models';
import { RecheckIcon, SparklesIcon } from '../../components/icons';
import { useStores } from '../../stores/hooks';
import { useStore } from 'zustand';

export function TakeActions({ record }: { record: JobRecord }) {
  const { spendGuard, toasts, library } = useStores();
  const busy = useStore(spendGuard, (s) => s.retrying.has(record.id));
  if (!isFinalState(record.state)) return null;
  const model = MODELS[record.params.model];
  const final = model.finalModel ? MODELS[model.finalModel] : undefined;
  const seeded = model.options.seed && record.params.seed !== undefined;

  const anotherTake = async () => {
    const made = await spendGuard.getState().requestRerun(record.id, 'take');
    if (made) toasts.getState().push({ tone: 'success', title: `Take ${made.take ?? 2} started${seeded ? ` with seed ${record.params.seed}` : ''}` });
  };
  const makeFinal = async () => {
    const made = await spendGuard.getState().requestRerun(record.id, 'final');
    if (!made) return;
    toasts.getState().push({ tone: 'success', title: `Final started with ${MODELS[made.params.model].label}` });
    void library.getState().select(made.id);
  };

  return (
    <>
      <button type="button" className="btn btn-ghost" aria-disabled={busy || undefined} onClick={() => !busy && void anotherTake()}>
        <RecheckIcon size={14} aria-hidden="true" />
        {seeded ? 'Another take with this seed' : 'Another take'}
      </button>
      {final && (
        <button type="button" className="btn btn-ghost" aria-disabled={busy || undefined} onClick={() => !busy && void makeFinal()}>
          <SparklesIcon size={14} aria-hidden="true" />
          Make final with {final.label}
        </button>
      )}
    </>
  );
}
