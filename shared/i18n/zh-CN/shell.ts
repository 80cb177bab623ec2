import type { Translation } from '../catalog-types';
import type { shell as en } from '../en/shell';

export const shell: Translation<typeof en> = {
};
