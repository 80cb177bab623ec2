import type { Translation } from '../catalog-types';
import type { jobs as en } from '../en/jobs';

export const jobs: Translation<typeof en> = {
};
