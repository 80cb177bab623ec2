import type { Translation } from '../catalog-types';
import type { create as en } from '../en/create';

export const create: Translation<typeof en> = {
};
