// The simulator's public entry point: a faithful fake of fal's queue protocol plus a video CDN.
export { startSimulator } from './simulator';
export { SCENARIO_NAMES, SCENARIO_HEADER, chooseScenario, type ScenarioName } from './scenarios';
export { SAMPLE_CLIP_PATH } from './video-source';
export {
  DEFAULT_TIMING,
  FAST_TEST_TIMING,
  DEFAULT_PING_INTERVAL_MS,
  DEFAULT_SLOW_DOWNLOAD_BYTES_PER_SECOND,
  type SimTiming,
  type SimulatorOptions,
  type SimRequestLog,
  type SimJobState,
  type SimJobView,
  type Simulator,
} from './types';
export { BANNED_KEY_PREFIX, IP_LIMITED_KEY_PREFIX, REJECTED_KEY_PREFIX, type AccountRefusal, type SimAccountOptions } from './aggregator';
