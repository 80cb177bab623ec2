import type { Catalog } from '../catalog-types';

export const jobs = {
  // A job's state as a word (shared/job-outcome.ts statusLabel, jobs-store jobStateLabel)
  'jobs.state.submitting': 'submitting',
  'jobs.state.waiting': 'waiting',
  'jobs.state.queued': 'queued',
  'jobs.state.running': 'running',
  'jobs.state.downloading': 'downloading',
  'jobs.state.completed': 'completed',
  'jobs.state.failed': 'failed',
  'jobs.state.cancelled': 'cancelled',
  'jobs.state.needsAttention': 'needs attention',
  // shared/job-tag.ts: which take of a shot a job is
  'jobs.tag.take': 'Take {take}',
  'jobs.tag.takeOf': 'Take {take}/{size}',
  // FailureActions (shared/job-outcome.ts FAILURE_FIX_MESSAGES; Retry is common.retry)
  'jobs.fix.checkAgain': 'Check again',
  'jobs.fix.editPrompt': 'Edit prompt',
  'jobs.fix.replacePicture': 'Replace picture',
  'jobs.fix.editSettings': 'Edit & retry',
  // JobsPanel
  'jobs.panel.label': 'Jobs panel',
  'jobs.panel.title': 'Jobs',
  'jobs.panel.activeCount': '{count, number} active',
  'jobs.panel.clearFinished': 'Clear finished',
  'jobs.panel.clearFinishedHint': 'Take finished, failed and cancelled jobs off this panel; the Library keeps them',
  'jobs.panel.hide': 'Hide jobs panel',
  'jobs.panel.hideWithKey': 'Hide jobs panel ({key})',
  'jobs.panel.emptyTitle': 'No jobs yet',
  'jobs.panel.emptyBody': 'Your videos appear here while they are made, newest first.',
  'jobs.panel.keys': 'Arrow up and down move between jobs, left and right between a job and its buttons.',
  'jobs.panel.list': 'Jobs',
  // JobsPanelToggle
  'jobs.toggle.title': 'Show the Jobs panel ({key})',
  'jobs.toggle.label': '{active, plural, =0 {Show jobs} other {Show jobs (# active)}}',
  // JobCard
  'jobs.card.queuePosition': '#{position, number} in queue',
  'jobs.card.elapsed': 'Elapsed time',
  'jobs.card.cancelRequested': 'Cancel requested — waiting for the server…',
  'jobs.card.lateCancel': 'Cancel came too late: the video was already finished, so it is kept here.',
  'jobs.card.lateCancelCharged': 'Cancel came too late: the video was already finished and charged, so it is kept here.',
  'jobs.card.autoAspect': 'Auto',
  'jobs.card.open': 'Open',
  'jobs.card.whatWentWrong': 'What went wrong',
  'jobs.card.providerSaid': 'Provider said: {words}',
  // JobCard: download progress
  'jobs.download.label': 'Download progress',
  'jobs.download.downloading': 'Downloading',
  'jobs.download.bytesOf': '{received} of {total}',
  // jobs-store toasts
  'jobs.error.cancel': 'Could not cancel the job',
  'jobs.error.recheck': 'Could not check the job',
} as const satisfies Catalog<'jobs'>;
