import type { Translation } from '../catalog-types';
import type { jobs as en } from '../en/jobs';

export const jobs: Translation<typeof en> = {
  // A job's state as a word (shared/job-outcome.ts statusLabel, jobs-store jobStateLabel)
  'jobs.state.submitting': '提交中',
  'jobs.state.waiting': '等待中',
  'jobs.state.queued': '排队中',
  'jobs.state.running': '生成中',
  'jobs.state.downloading': '下载中',
  'jobs.state.completed': '已完成',
  'jobs.state.failed': '失败',
  'jobs.state.cancelled': '已取消',
  'jobs.state.needsAttention': '需要处理',
  // shared/job-tag.ts: which take of a shot a job is
  'jobs.tag.take': '第{take}条',
  'jobs.tag.takeOf': '第{take}/{size}条',
  // FailureActions (shared/job-outcome.ts FAILURE_FIX_MESSAGES; Retry is common.retry)
  'jobs.fix.checkAgain': '重新查询',
  'jobs.fix.editPrompt': '修改提示词',
  'jobs.fix.replacePicture': '更换图片',
  'jobs.fix.editSettings': '修改后重试',
  // JobsPanel
  'jobs.panel.label': '任务面板',
  'jobs.panel.title': '任务',
  'jobs.panel.activeCount': '{count, number} 个进行中',
  'jobs.panel.clearFinished': '清除已结束',
  'jobs.panel.clearFinishedHint': '从此面板移除已完成、失败和已取消的任务；作品库仍会保留它们',
  'jobs.panel.hide': '隐藏任务面板',
  'jobs.panel.hideWithKey': '隐藏任务面板（{key}）',
  'jobs.panel.emptyTitle': '还没有任务',
  'jobs.panel.emptyBody': '视频生成时会显示在这里，最新的在最前。',
  'jobs.panel.keys': '上下方向键在任务之间移动，左右方向键在任务和它的按钮之间移动。',
  'jobs.panel.list': '任务',
  // JobsPanelToggle
  'jobs.toggle.title': '显示任务面板（{key}）',
  'jobs.toggle.label': '{active, plural, =0 {显示任务} other {显示任务（# 个进行中）}}',
  // JobCard
  'jobs.card.queuePosition': '排队第{position, number}位',
  'jobs.card.elapsed': '已用时间',
  'jobs.card.cancelRequested': '已请求取消，正在等待服务器…',
  'jobs.card.lateCancel': '取消得太晚：视频已经生成，因此保留在这里。',
  'jobs.card.lateCancelCharged': '取消得太晚：视频已经生成并已扣费，因此保留在这里。',
  'jobs.card.autoAspect': '自动',
  'jobs.card.open': '打开',
  'jobs.card.whatWentWrong': '出了什么问题',
  'jobs.card.providerSaid': '服务商原话：{words}',
  // JobCard: download progress
  'jobs.download.label': '下载进度',
  'jobs.download.downloading': '正在下载',
  'jobs.download.bytesOf': '{received} / {total}',
  // jobs-store toasts
  'jobs.error.cancel': '无法取消任务',
  'jobs.error.recheck': '无法查询任务',
};
