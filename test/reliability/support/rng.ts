// A seeded random source for the fault-injection suites: every random choice (which window to kill
// in, how long to wait, which scenarios to mix in) comes from here, so a failing run can be replayed
// exactly with RELIABILITY_SEED=<seed>.

export interface Rng {
  readonly seed: number;
  /** [0, 1) */
  next(): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast, good enough for test schedules, identical on every platform. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed: seed >>> 0,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick() from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/** RELIABILITY_SEED if set (decimal or 0x-hex), otherwise a fresh one; callers print it. */
export function seedFromEnv(): number {
  const raw = process.env.RELIABILITY_SEED?.trim();
  if (raw) {
    const n = raw.startsWith('0x') ? Number.parseInt(raw.slice(2), 16) : Number.parseInt(raw, 10);
    if (Number.isSafeInteger(n)) return n >>> 0;
    throw new Error(`RELIABILITY_SEED must be an integer, got "${raw}"`);
  }
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}
