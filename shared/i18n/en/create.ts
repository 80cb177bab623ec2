import type { Catalog } from '../catalog-types';

export const create = {
} as const satisfies Catalog<'create'>;
