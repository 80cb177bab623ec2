import type { Translation } from '../catalog-types';
import type { compare as en } from '../en/compare';

export const compare: Translation<typeof en> = {
};
