import type { Provider } from '../../shared/domain';

/** How providers are named on screen. */
export const PROVIDER_NAMES: Record<Provider, string> = { aggregator: 'Aggregator', fal: 'fal.ai', simulator: 'Simulator' };
