import type { Catalog } from '../catalog-types';

export const settings = {
} as const satisfies Catalog<'settings'>;
