import type { Catalog } from '../catalog-types';

export const errors = {
} as const satisfies Catalog<'errors'>;
