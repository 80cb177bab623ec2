// One benchmark row, as written to bench-results.json, and the aligned table printed for humans.
// Ratios are what we track across runs: absolute times drift on shared machines.

export interface Row {
  name: string;
  unit: string;
  ours: number;
  /** The peer's figure (fal-js, curl…) or null when there is nothing to compare against. */
  peer: number | null;
  /** ours / peer, or null without a peer. */
  ratio: number | null;
  /** Human-readable, e.g. "< 300 ms", "≥ 0.9 (ratio)", "< peer". "n/a" = reported only. */
  target: string;
  met: boolean;
}

export interface RowInit {
  name: string;
  unit: string;
  ours: number;
  peer?: number | null;
  target: string;
  /** Decides `met` from the row's own numbers, so the verdict cannot drift from the target text. */
  check: (r: { ours: number; peer: number | null; ratio: number | null }) => boolean;
}

/** Rounds to a precision that keeps the JSON readable without hiding differences that matter. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 2 : 4;
  return Number(value.toFixed(digits));
}

export function makeRow(init: RowInit): Row {
  const peer = init.peer ?? null;
  const ratio = peer === null || peer === 0 ? null : init.ours / peer;
  const met = init.check({ ours: init.ours, peer, ratio });
  return {
    name: init.name,
    unit: init.unit,
    ours: round(init.ours),
    peer: peer === null ? null : round(peer),
    ratio: ratio === null ? null : round(ratio),
    target: init.target,
    met,
  };
}

/** For figures the issue asks us to report without a target. */
export const REPORT_ONLY = { target: 'n/a', check: () => true } as const;

const fmt = (v: number | null): string => (v === null ? '—' : String(v));

export function formatTable(rows: readonly Row[]): string {
  const header = ['benchmark', 'unit', 'ours', 'peer', 'ratio', 'target', 'met'];
  const body = rows.map((r) => [r.name, r.unit, fmt(r.ours), fmt(r.peer), fmt(r.ratio), r.target, r.target === 'n/a' ? '—' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const numeric = new Set([2, 3, 4]);
  const line = (cells: string[]): string =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n');
}
