// The right-hand panel: every active and recent job, newest first. The list is one Tab stop; arrow
// keys move inside it (useRovingFocus).
import { useRef } from 'react';
import { activeJobCount } from '../../stores/jobs-store';
import { EmptyState } from '../../components/EmptyState';
import { FilmIcon, PanelCloseIcon, PanelOpenIcon } from '../../components/icons';
import { useApp, useJobs, useStores } from '../../stores/hooks';
import { JobCard } from './JobCard';
import { useRovingFocus } from './useRovingFocus';

export function JobsPanel({ collapsible }: { collapsible: boolean }) {
  const { app } = useStores();
  const order = useJobs((s) => s.order);
  const loaded = useJobs((s) => s.loaded);
  const activeCount = useJobs(activeJobCount);
  const open = useApp((s) => s.jobsPanelOpen);
  const listRef = useRef<HTMLUListElement>(null);
  const showList = !(loaded && order.length === 0);
  useRovingFocus(listRef, showList);

  return (
    <aside className="jobs-panel" aria-label="Jobs panel">
      <header className="panel-header">
        <h2 className="panel-title">
          Jobs
          {activeCount > 0 && <span className="panel-count">{activeCount} active</span>}
        </h2>
        {collapsible && (
          <button
            type="button"
            className="icon-button"
            aria-label={open ? 'Hide jobs panel' : 'Show jobs panel'}
            title={open ? 'Hide jobs panel' : 'Show jobs panel'}
            onClick={() => app.getState().toggleJobsPanel()}
          >
            {open ? <PanelCloseIcon size={16} aria-hidden="true" /> : <PanelOpenIcon size={16} aria-hidden="true" />}
          </button>
        )}
      </header>
      {!showList ? (
        <div className="panel-empty">
          <EmptyState icon={<FilmIcon size={22} />} title="No jobs yet">
            Your videos appear here while they are made, newest first.
          </EmptyState>
        </div>
      ) : (
        <>
          <p id="jobs-keys" className="visually-hidden">
            Arrow up and down move between jobs, left and right between a job and its buttons.
          </p>
          <ul ref={listRef} className="jobs-list" aria-label="Jobs" aria-describedby="jobs-keys">
            {order.map((id) => (
              <JobCard key={id} id={id} />
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

/** Shown in the rail area of Library/Settings when the panel is collapsed. */
export function JobsPanelToggle() {
  const { app } = useStores();
  const open = useApp((s) => s.jobsPanelOpen);
  const activeCount = useJobs(activeJobCount);
  if (open) return null;
  return (
    <button type="button" className="btn btn-ghost btn-small" onClick={() => app.getState().toggleJobsPanel()}>
      <PanelOpenIcon size={14} aria-hidden="true" />
      Jobs{activeCount > 0 ? ` (${activeCount} active)` : ''}
    </button>
  );
}
