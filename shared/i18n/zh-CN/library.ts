import type { Translation } from '../catalog-types';
import type { library as en } from '../en/library';

export const library: Translation<typeof en> = {
};
