// One bad record must never blank the app. Each view (Create, Jobs panel, Library, the detail,
// Compare, Settings) sits in its own boundary: if something in it throws while rendering, only
// that view is replaced by "This view hit a problem — Reload view", and the rail, the other views
// and the Jobs panel keep working. Reload remounts the view from scratch (fresh component state).
import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { ErrorDetails } from './ErrorDetails';

/** The views that have a boundary: a select key, so the fallback names the view in each language. */
export type BoundaryView = 'create' | 'library' | 'settings' | 'jobs' | 'compare' | 'detail';

interface Props {
  /** Names the view in the fallback ("Library", "Job details"…) and in the console. */
  view: BoundaryView;
  /** A change (e.g. another job selected) clears the failure and tries again. */
  resetKey?: string;
  /** Reads the view's data again before it remounts (the failure may have come from that data). */
  onReload?: () => unknown;
  children: ReactNode;
}

interface State {
  error?: Error;
  /** Bumped by Reload so the children remount instead of reusing the state that failed. */
  attempt: number;
  resetKey?: string;
}

export class ViewBoundary extends Component<Props, State> {
  override state: State = { attempt: 0, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey === state.resetKey) return null;
    return { resetKey: props.resetKey, error: undefined, attempt: state.attempt + 1 };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`[veo] the ${this.props.view} view failed to render`, error, info.componentStack);
  }

  private readonly reload = async (): Promise<void> => {
    try {
      await this.props.onReload?.();
    } catch (error) {
      console.error(`[veo] reloading the ${this.props.view} view's data failed`, error);
    }
    this.setState((s) => ({ error: undefined, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <Fragment key={attempt}>{this.props.children}</Fragment>;
    return <Fallback view={this.props.view} error={error} onReload={() => void this.reload()} />;
  }
}

function Fallback({ view, error, onReload }: { view: BoundaryView; error: Error; onReload: () => void }) {
  const t = useT();
  return (
    <section className="view-fallback empty-state" role="alert" aria-label={t('shell.boundary.label', { view })}>
      <h2 className="empty-title">{t('shell.boundary.title')}</h2>
      <p className="empty-text">
        {t('shell.boundary.text', { view })}
      </p>
      <button type="button" className="btn btn-secondary" onClick={onReload}>
        {t('shell.boundary.reload')}
      </button>
      <ErrorDetails details={`${error.name}: ${error.message}`} />
    </section>
  );
}
