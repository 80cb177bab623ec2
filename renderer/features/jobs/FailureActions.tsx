// The actions a failed, cancelled or paused job offers — on its Jobs panel card and in the Library
// detail alike — led by the one that can change the outcome (shared/job-outcome.ts): Replace picture
// or Edit prompt open Create with this job's settings and focus what has to change; Check again asks
// the service about a job it accepted; Retry runs the same job again (through the spend guard).
import { useStore } from 'zustand';
import type { JobRecord } from '../../../shared/domain';
import { failureFixLabel, failureFixes, type FailureFix } from '../../../shared/job-outcome';
import { EditIcon, ImagePlusIcon, RecheckIcon, RetryIcon } from '../../components/icons';
import { useLocale } from '../../i18n/useT';
import { useStores } from '../../stores/hooks';

const ICONS: Record<FailureFix, typeof RetryIcon> = {
  check_again: RecheckIcon,
  edit_prompt: EditIcon,
  replace_picture: ImagePlusIcon,
  retry: RetryIcon,
  edit_settings: EditIcon,
};

/** What Create focuses for each way of changing the job. */
const FOCUS_ON: Partial<Record<FailureFix, string>> = {
  edit_prompt: '#prompt',
  replace_picture: '.dropzone-choose button',
};

export function FailureActions({ record, size = 'small' }: { record: JobRecord; size?: 'small' | 'normal' }) {
  const { jobs, create, app, spendGuard } = useStores();
  // Locked while this Retry is on its way: a double click must not start two paid jobs.
  const retrying = useStore(spendGuard, (s) => s.retrying.has(record.id));
  const locale = useLocale();
  const fixes = failureFixes(record);
  if (fixes.length === 0) return null;

  const run = async (fix: FailureFix): Promise<void> => {
    switch (fix) {
      case 'check_again':
        return void jobs.getState().recheck(record.id);
      case 'retry':
        return void spendGuard.getState().requestRerun(record.id);
      case 'edit_settings':
        app.getState().setView('create');
        return create.getState().loadFromJob(record);
      case 'edit_prompt':
      case 'replace_picture':
        await create.getState().loadFromJob(record);
        // The refused picture is not kept: the drop zone waits for another one.
        if (fix === 'replace_picture') create.getState().clearImages();
        app.getState().setView('create');
        focusWhenShown(FOCUS_ON[fix] ?? '#prompt');
    }
  };

  const btn = size === 'small' ? 'btn-small' : '';
  return (
    <>
      {fixes.map((fix, i) => {
        const Icon = ICONS[fix];
        const busy = fix === 'retry' && retrying;
        return (
          <button
            key={fix}
            type="button"
            className={`btn ${i === 0 ? 'btn-secondary' : 'btn-ghost'} ${btn}`}
            disabled={busy}
            aria-busy={busy || undefined}
            onClick={() => void run(fix)}
          >
            <Icon size={14} aria-hidden="true" />
            {failureFixLabel(fix, locale)}
          </button>
        );
      })}
    </>
  );
}

/** Focuses `selector` once the view that holds it has rendered (a view switch renders on a later frame). */
function focusWhenShown(selector: string, framesLeft = 30): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) el.focus();
    else if (framesLeft > 0) focusWhenShown(selector, framesLeft - 1);
  });
}
