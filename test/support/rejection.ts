// "This must fail, and with this kind of error": runs `fn` and returns what it threw for further
// checks, failing the test when nothing was thrown or the error is of another class.
import { expect } from 'vitest';

export async function rejectionOf<E extends Error>(fn: () => Promise<unknown>, kind: abstract new (...args: never[]) => E): Promise<E> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(kind);
    return err as E;
  }
  throw new Error(`expected a ${kind.name}, but nothing was thrown`);
}
