// "Compare with…" in the library detail: press it, then choose the second job's card (click, or
// Enter on a focused card). While choosing, a note says so and Esc (or Cancel) stops.
import { useEffect } from 'react';
import type { JobRecord } from '../../../shared/domain';
import { excerpt } from '../../components/format';
import { Say, useT } from '../../i18n/useT';
import { useStores } from '../../stores/hooks';
import { useCompare } from './useCompare';

export function CompareWithButton({ record }: { record: JobRecord }) {
  const { compare } = useStores();
  const picking = useCompare((s) => s.picking);
  const t = useT();

  useEffect(() => {
    if (!picking) return;
    // Capture phase, so the library's own Esc (close the detail) does not also run.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      compare.getState().cancelPicking();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [compare, picking]);

  if (picking) {
    return (
      <div className="compare-picking" role="status">
        <span>
          <Say id="compare.picking" values={{ prompt: <span data-user-text="">{excerpt(picking.params.prompt, 40)}</span> }} />
        </span>
        <button type="button" className="btn btn-ghost" onClick={() => compare.getState().cancelPicking()}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  if (record.state !== 'completed') return null;
  return (
    <button
      type="button"
      className="btn btn-ghost"
      onClick={() => {
        compare.getState().startPicking(record);
        // Into the grid, where the second job is chosen.
        const grid = document.querySelector('.lib-grid');
        (grid?.querySelector<HTMLElement>('[aria-current="true"]') ?? grid?.querySelector<HTMLElement>('[data-index]'))?.focus();
      }}
    >
      {t('compare.with')}
    </button>
  );
}
