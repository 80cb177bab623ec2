import type { Translation } from '../catalog-types';
import type { api as en } from '../en/api';

export const api: Translation<typeof en> = {
};
