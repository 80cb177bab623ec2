// The library's public surface: the store plus the types its callers (job runner, CLI, desktop
// media protocol) need.
export { LibraryStore, type LibraryChange, type LibraryOpenOptions, type LibraryProblem, type ListQuery } from './store';
export { LibraryInUseError } from './lock';
export { resolveInside, relativeInside } from './paths';
