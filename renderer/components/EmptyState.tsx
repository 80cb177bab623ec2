import type { ReactNode } from 'react';

export function EmptyState(props: { icon: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-icon" aria-hidden="true">
        {props.icon}
      </div>
      <h2 className="empty-title">{props.title}</h2>
      {props.children && <p className="empty-text">{props.children}</p>}
      {props.action}
    </div>
  );
}
