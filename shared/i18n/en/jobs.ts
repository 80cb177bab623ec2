import type { Catalog } from '../catalog-types';

export const jobs = {
} as const satisfies Catalog<'jobs'>;
