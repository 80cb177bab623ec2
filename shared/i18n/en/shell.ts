import type { Catalog } from '../catalog-types';

export const shell = {
} as const satisfies Catalog<'shell'>;
