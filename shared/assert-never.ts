// The last line of an exhaustive `switch` over a union: a case added to the union and forgotten in
// the switch makes `value` no longer `never`, which is a compile error rather than a silent no-op.
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
