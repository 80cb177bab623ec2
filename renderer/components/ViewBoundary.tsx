// One bad record must never blank the app. Each view (Create, Jobs panel, Library, the detail,
// Compare, Settings) sits in its own boundary: if something in it throws while rendering, only
// that view is replaced by "This view hit a problem — Reload view", and the rail, the other views
// and the Jobs panel keep working. Reload remounts the view from scratch (fresh component state).
import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { ErrorDetails } from './ErrorDetails';

interface Props {
  /** Names the view in the fallback ("Library", "Job details"…). */
  name: string;
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
    console.error(`[veo] the ${this.props.name} view failed to render`, error, info.componentStack);
  }

  private readonly reload = async (): Promise<void> => {
    try {
      await this.props.onReload?.();
    } catch (error) {
      console.error(`[veo] reloading the ${this.props.name} view's data failed`, error);
    }
    this.setState((s) => ({ error: undefined, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <Fragment key={attempt}>{this.props.children}</Fragment>;
    return (
      <section className="view-fallback empty-state" role="alert" aria-label={`${this.props.name}: this view hit a problem`}>
        <h2 className="empty-title">This view hit a problem</h2>
        <p className="empty-text">
          {this.props.name} could not be shown. Everything you saved is safe and the rest of Veo Studio still works. Reload
          the view to try again.
        </p>
        <button type="button" className="btn btn-secondary" onClick={() => void this.reload()}>
          Reload view
        </button>
        <ErrorDetails details={`${error.name}: ${error.message}`} />
      </section>
    );
  }
}
