import type { Translation } from '../catalog-types';
import type { app as en } from '../en/app';

export const app: Translation<typeof en> = {
};
