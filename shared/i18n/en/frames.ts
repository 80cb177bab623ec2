import type { Catalog } from '../catalog-types';

export const frames = {
  // capture-frame.ts: why a frame could not be taken
  'frames.capture.noPicture': 'The video has no picture to take a frame from.',
  'frames.capture.cannotDraw': 'This window cannot draw video frames.',
  'frames.capture.cannotEncode': 'The frame could not be encoded as {format}.',
  'frames.capture.timedOut': 'The video did not show a frame in time. Play it once, then try again.',
  'frames.capture.unreadable': 'The video could not be read.',
  // ContinueFromFrame
  'frames.continue.group': 'Continue from a frame',
  'frames.continue.current': 'Continue from this frame',
  'frames.continue.last': 'Use last frame',
  'frames.continue.hint': 'Pick a frame with , and . in the player',
  'frames.continue.ready': 'Frame ready — continue the story on Create',
  'frames.continue.failed': 'Could not take this frame',
  // ChainPanel
  'frames.chain.label': 'Chain',
  'frames.chain.finalOf': 'Final of the {model} draft {parent}',
  'frames.chain.continuedFrom': 'Continued from {parent}',
  'frames.chain.continuedFromMissing': 'Continued from <missing>a job no longer in the library</missing>',
  'frames.chain.continuedIn': 'Continued in {count, plural, one {# job} other {# jobs}}',
  'frames.chain.continuations': 'Continuations',
  'frames.chain.copyList': 'Copy file list',
  'frames.chain.downloadList': 'Download list',
  'frames.chain.copied': '{count, plural, one {# file copied in order} other {# files copied in order}}',
  'frames.chain.copyFailed': 'Could not copy',
  'frames.chain.listFailed': 'Could not list the chain',
  // TransitionTo
  'frames.transition.open': 'Transition to…',
  'frames.transition.group': 'Transition to another take',
  'frames.transition.none': 'No other finished take to run to yet.',
  'frames.transition.target': 'Transition to',
  'frames.transition.prompt': 'Transition prompt',
  'frames.transition.queue': 'Queue transition',
  'frames.transition.price': '{model}, {duration}: {usd, number, ::currency/USD}',
  'frames.transition.priceFree': '{model}, {duration}: free — would cost {usd, number, ::currency/USD}',
  'frames.transition.queued': 'Transition queued with {model}',
  'frames.transition.listFailed': 'Could not list the takes',
  'frames.transition.framesFailed': 'Could not use these frames',
  'frames.transition.captureFailed': 'Could not take the frames',
} as const satisfies Catalog<'frames'>;
