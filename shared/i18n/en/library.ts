import type { Catalog } from '../catalog-types';

export const library = {
} as const satisfies Catalog<'library'>;
