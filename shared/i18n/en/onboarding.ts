import type { Catalog } from '../catalog-types';

export const onboarding = {
} as const satisfies Catalog<'onboarding'>;
