import type { Translation } from '../catalog-types';
import type { frames as en } from '../en/frames';

export const frames: Translation<typeof en> = {
};
