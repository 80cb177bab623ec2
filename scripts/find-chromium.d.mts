export const CHROMIUM_ENV: string;
export function chromiumCandidates(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string[];
export function findChromium(opts?: {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}): { path: string; missing?: undefined } | { missing: string; path?: undefined };
export function isCi(env?: NodeJS.ProcessEnv): boolean;
