import type { Catalog } from '../catalog-types';

export const compare = {
} as const satisfies Catalog<'compare'>;
