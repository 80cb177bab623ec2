import type { Translation } from '../catalog-types';
import type { desktop as en } from '../en/desktop';

export const desktop: Translation<typeof en> = {
};
