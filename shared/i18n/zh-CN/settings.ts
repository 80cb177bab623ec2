import type { Translation } from '../catalog-types';
import type { settings as en } from '../en/settings';

export const settings: Translation<typeof en> = {
};
