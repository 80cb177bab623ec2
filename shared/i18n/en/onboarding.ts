import type { Catalog } from '../catalog-types';

export const onboarding = {
  // Providers (shared/providers.ts): names, blurbs and where to get a key, for onboarding and Settings
  'onboarding.provider.aggregator.blurb': 'The default service (api.chainhub.tech), with its own key.',
  'onboarding.provider.aggregator.keyHelp': 'Sign in to your aggregator dashboard and create an API key there (an sk-… token).',
  'onboarding.provider.fal.blurb': 'Straight to fal.ai with a fal key.',
  'onboarding.provider.fal.keyHelp': 'Create one in your fal.ai dashboard under Keys.',
  'onboarding.provider.simulator.blurb': 'Free and offline. Makes sample clips, for trying things out.',
  // Onboarding
  'onboarding.title': 'Welcome to Veo Studio',
  'onboarding.lead':
    'Turn a still picture into a short video (up to 8 seconds, with sound) using Google’s Veo 3. To make real videos, Veo Studio needs an API key.',
  'onboarding.whereToGetKey': 'Where to get a key',
  'onboarding.otherProvider': 'Have a {provider} key instead? Choose <strong>{provider}</strong> as the provider in Settings.',
  'onboarding.pasteKey': 'Paste your {provider} key',
  'onboarding.keyDestination': 'Your key will be sent to <strong>{origin}</strong> only — to check it now (free) and with each job.',
  'onboarding.or': 'or',
  'onboarding.trySimulator': 'Try the simulator',
  'onboarding.simulatorHint': 'Free and offline: sample clips, the full workflow. Switch to a real provider in Settings any time.',
  'onboarding.notNow': 'Not now — just look around',
} as const satisfies Catalog<'onboarding'>;
