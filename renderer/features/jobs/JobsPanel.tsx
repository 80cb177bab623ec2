// The right-hand panel: every active and recent job, newest first. The list is one Tab stop; arrow
// keys move inside it (useRovingFocus).
import { useRef } from 'react';
import { isFinalState } from '../../../shared/domain';
import { APP_COMMAND_KEYS } from '../../../shared/app-commands';
import { jobsPanelShown } from '../../stores/app-store';
import { activeJobCount, type JobsState } from '../../stores/jobs-store';
import { MOD_LABEL } from '../../components/keyboard';
import { EmptyState } from '../../components/EmptyState';
import { FilmIcon, PanelCloseIcon, PanelOpenIcon } from '../../components/icons';
import { useApp, useJobs, useStores } from '../../stores/hooks';
import { useT } from '../../i18n/useT';
import { JobCard } from './JobCard';
import { useRovingFocus } from './useRovingFocus';

/** "⌘J" / "Ctrl+J": the key that folds the panel, for its tooltips. */
const TOGGLE_KEY = `${MOD_LABEL === '⌘' ? '⌘' : 'Ctrl+'}${APP_COMMAND_KEYS['view:toggle-jobs'].accelerator.replace('CmdOrCtrl+', '')}`;

export function JobsPanel() {
  const { app, jobs } = useStores();
  const t = useT();
  const order = useJobs((s) => s.order);
  const finished = useJobs((s) => finishedIds(s).length);
  const loaded = useJobs((s) => s.loaded);
  const activeCount = useJobs(activeJobCount);
  const listRef = useRef<HTMLUListElement>(null);
  const showList = !(loaded && order.length === 0);
  useRovingFocus(listRef, showList);

  return (
    <aside className="jobs-panel" aria-label={t('jobs.panel.label')}>
      <header className="panel-header">
        <h2 className="panel-title">
          {t('jobs.panel.title')}
          {activeCount > 0 && <span className="panel-count">{t('jobs.panel.activeCount', { count: activeCount })}</span>}
        </h2>
        {finished > 0 && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            title={t('jobs.panel.clearFinishedHint')}
            onClick={() => {
              for (const id of finishedIds(jobs.getState())) jobs.getState().forget(id);
            }}
          >
            {t('jobs.panel.clearFinished')}
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={t('jobs.panel.hide')}
          aria-keyshortcuts="Control+J Meta+J"
          title={t('jobs.panel.hideWithKey', { key: TOGGLE_KEY })}
          data-jobs-toggle=""
          onClick={() => {
            app.getState().toggleJobsPanel();
            focusJobsToggle();
          }}
        >
          <PanelCloseIcon size={16} aria-hidden="true" />
        </button>
      </header>
      {!showList ? (
        <div className="panel-empty">
          <EmptyState icon={<FilmIcon size={22} />} title={t('jobs.panel.emptyTitle')}>
            {t('jobs.panel.emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <>
          <p id="jobs-keys" className="visually-hidden">
            {t('jobs.panel.keys')}
          </p>
          <ul ref={listRef} className="jobs-list" aria-label={t('jobs.panel.list')} aria-describedby="jobs-keys">
            {order.map((id) => (
              <JobCard key={id} id={id} />
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

/** Jobs that will not change again (done, failed, cancelled): "Clear finished" takes them off the panel. */
function finishedIds({ order, records }: Pick<JobsState, 'order' | 'records'>): string[] {
  return order.filter((id) => {
    const state = records.get(id)?.state;
    return state !== undefined && isFinalState(state);
  });
}

/** The pressed toggle goes away with the panel it folded: focus moves to the one that brings it back. */
function focusJobsToggle(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-jobs-toggle]')?.focus());
}

/** In a view's header while its Jobs panel is folded away. */
export function JobsPanelToggle() {
  const { app } = useStores();
  const t = useT();
  const open = useApp(jobsPanelShown);
  const activeCount = useJobs(activeJobCount);
  if (open) return null;
  return (
    <button
      type="button"
      className="btn btn-ghost btn-small"
      aria-keyshortcuts="Control+J Meta+J"
      title={t('jobs.toggle.title', { key: TOGGLE_KEY })}
      data-jobs-toggle=""
      onClick={() => {
        app.getState().toggleJobsPanel();
        focusJobsToggle();
      }}
    >
      <PanelOpenIcon size={14} aria-hidden="true" />
      {t('jobs.toggle.label', { active: activeCount })}
    </button>
  );
}
