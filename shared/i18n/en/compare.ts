import type { Catalog } from '../catalog-types';

export const compare = {
  // compare-store toasts
  'compare.onlyFinished': 'Only finished videos can be compared',
  'compare.chooseDifferent': 'Choose a different job to compare with',
  // CompareWithButton
  'compare.with': 'Compare with…',
  'compare.picking': 'Choose a second job to compare with “{prompt}” (Enter on a card, Esc to cancel)',
  // CompareView (A and B name the two videos everywhere in the view)
  'compare.sideA': 'A',
  'compare.sideB': 'B',
  'compare.title': 'Compare',
  'compare.layout': 'Layout',
  'compare.layout.sideBySide': 'Side by side',
  'compare.layout.wipe': 'Wipe',
  'compare.close': 'Close compare',
  'compare.closeHint': 'Close (Esc)',
  'compare.video': 'Video {side}',
  'compare.play': 'Play',
  'compare.pause': 'Pause',
  'compare.timeline': 'Timeline',
  'compare.timelineValue': '{time, number, ::.00} of {duration, number, ::.00} seconds',
  'compare.wipePosition': 'Wipe position',
  'compare.wipeValue': '{percent, number}% of A',
  'compare.promptDiff': 'Prompt (A → B)',
  'compare.negativeDiff': 'Negative prompt (A → B)',
  // PromptDiff
  'compare.diff.empty': '(empty)',
  // SettingsDiff
  'compare.settings.label': 'Settings diff',
  'compare.settings.summary': '{count, plural, =0 {Same settings} one {# setting differs} other {# settings differ}}',
  'compare.settings.setting': 'Setting',
  'compare.settings.differs': ' (differs)',
  'compare.settings.model': 'Model',
  'compare.settings.aspectRatio': 'Aspect ratio',
  'compare.settings.duration': 'Duration',
  'compare.settings.resolution': 'Resolution',
  'compare.settings.audio': 'Audio',
  'compare.settings.seed': 'Seed',
  'compare.settings.negativePrompt': 'Negative prompt',
  'compare.settings.provider': 'Provider',
  'compare.settings.auto': 'Auto',
  'compare.settings.on': 'On',
  'compare.settings.off': 'Off',
  'compare.settings.random': 'Random',
} as const satisfies Catalog<'compare'>;
