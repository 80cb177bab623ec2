import type { Catalog } from '../catalog-types';

// Words many views use. A view-specific sentence belongs in that view's namespace.
export const common = {
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.save': 'Save',
  'common.delete': 'Delete',
  'common.undo': 'Undo',
  'common.retry': 'Retry',
  'common.tryAgain': 'Try again',
  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.showDetails': 'Show details',
  'common.hideDetails': 'Hide details',
  'common.loading': 'Loading…',
  'common.none': 'None',
  'common.unknown': 'Unknown',
  'common.dash': '—',
  'common.somethingWentWrong': 'Something went wrong. Try again.',
  'common.thatDidNotWork': 'That did not work',
  // A provider's name on its own (a sentence that names one uses a select, for its grammar).
  'common.provider.aggregator': 'Aggregator',
  'common.provider.fal': 'fal.ai',
  'common.provider.simulator': 'Simulator',
  'common.usd': '{amount, number, ::currency/USD}',
  'common.jobs': '{count, plural, one {# job} other {# jobs}}',
} as const satisfies Catalog<'common'>;
