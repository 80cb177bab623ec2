// How Veo crops a picture to the video's aspect ratio: centred, keeping as much as fits.
export const TARGET_RATIOS = { '16:9': 16 / 9, '9:16': 9 / 16 } as const;
export type CropTarget = keyof typeof TARGET_RATIOS;

/** The kept area as fractions of the picture's width and height. */
export function cropBox(width: number, height: number, target: CropTarget): { w: number; h: number } {
  const ratio = width / height;
  const t = TARGET_RATIOS[target];
  return ratio > t ? { w: t / ratio, h: 1 } : { w: 1, h: ratio / t };
}

/** "Auto" follows the picture: whichever target loses less of it. */
export function nearestTarget(width: number, height: number): CropTarget {
  const a = cropBox(width, height, '16:9');
  const b = cropBox(width, height, '9:16');
  return a.w * a.h >= b.w * b.h ? '16:9' : '9:16';
}
