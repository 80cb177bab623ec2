import type { Catalog } from '../catalog-types';

export const frames = {
} as const satisfies Catalog<'frames'>;
