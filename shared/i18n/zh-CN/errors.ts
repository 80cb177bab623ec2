import type { Translation } from '../catalog-types';
import type { errors as en } from '../en/errors';

export const errors: Translation<typeof en> = {
};
