import type { Catalog } from '../catalog-types';

// The window around the views: skip link, rail, connection banner, shared components and toasts.
export const shell = {
  // main.tsx (before React mounts)
  'shell.main.openHostLink': 'Open the link printed by "npm run host" (it carries this run’s access token).',
  // App
  'shell.app.skipLink': 'Skip to main content',
  // ConnectionBanner
  'shell.connection.connecting': 'Connecting to Veo Studio…',
  'shell.connection.lost': 'Connection lost — reconnecting to Veo Studio…',
  // Rail
  'shell.rail.label': 'Main',
  'shell.rail.create': 'Create',
  'shell.rail.library': 'Library',
  'shell.rail.settings': 'Settings',
  'shell.rail.createTitle': 'Create ({shortcut})',
  'shell.rail.libraryTitle': 'Library ({shortcut})',
  'shell.rail.settingsTitle': 'Settings ({shortcut})',
  'shell.rail.providerReadyTitle': 'New jobs go to {provider, select, aggregator {Aggregator} fal {fal.ai} simulator {Simulator} other {{provider}}}',
  'shell.rail.providerMissingTitle': 'No API key yet — open Settings',
  'shell.rail.providerReady': '(ready)',
  'shell.rail.providerMissing': '(no API key)',
  // BalanceChip
  'shell.balance.freeTitle': 'The simulator charges nothing: every job is free.',
  // One sentence per chip, its parts tagged: the amount always shows, <more> only in the wide rail.
  'shell.balance.freeChip': '<amount>Free</amount><more> — no charges</more>',
  'shell.balance.title': 'Balance reported by the provider — click to refresh',
  'shell.balance.titleAt': 'Balance reported by the provider at {time} — click to refresh',
  'shell.balance.label': 'Balance {amount, number, ::currency/USD} left, refresh',
  'shell.balance.chip': '<amount>{usd, number, ::currency/USD unit-width-narrow}</amount><more> left</more>',
  // Toasts
  'shell.toasts.label': 'Notifications',
  'shell.toasts.dismiss': 'Dismiss',
  // ErrorDetails
  'shell.errorDetails.copyDetails': 'Copy details',
  'shell.errorDetails.copyFailed': 'Copy failed',
  'shell.errorDetails.providerWords': 'The provider’s own words',
  // ViewBoundary
  'shell.boundary.label':
    '{view, select, create {Create} library {Library} settings {Settings} jobs {The Jobs panel} compare {Compare} detail {Job details} other {This view}}: this view hit a problem',
  'shell.boundary.title': 'This view hit a problem',
  'shell.boundary.text':
    '{view, select, create {Create} library {Library} settings {Settings} jobs {The Jobs panel} compare {Compare} detail {Job details} other {This view}} could not be shown. Everything you saved is safe and the rest of Veo Studio still works. Reload the view to try again.',
  'shell.boundary.reload': 'Reload view',
  // format.ts
  'shell.time.justNow': 'just now',
} as const satisfies Catalog<'shell'>;
