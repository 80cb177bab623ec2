import type { Catalog } from '../catalog-types';

export const app = {
} as const satisfies Catalog<'app'>;
