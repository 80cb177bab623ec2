import type { Catalog } from '../catalog-types';

export const api = {
} as const satisfies Catalog<'api'>;
