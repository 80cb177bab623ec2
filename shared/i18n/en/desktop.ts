import type { Catalog } from '../catalog-types';

export const desktop = {
} as const satisfies Catalog<'desktop'>;
