import type { Translation } from '../catalog-types';
import type { compare as en } from '../en/compare';

export const compare: Translation<typeof en> = {
  // compare-store toasts
  'compare.onlyFinished': '只能对比已完成的视频',
  'compare.chooseDifferent': '请选择另一个任务进行对比',
  // CompareWithButton
  'compare.with': '与…对比',
  'compare.picking': '请选择要与“{prompt}”对比的第二个任务（在卡片上按 Enter，按 Esc 取消）',
  // CompareView (A and B name the two videos everywhere in the view)
  'compare.sideA': 'A',
  'compare.sideB': 'B',
  'compare.title': '对比',
  'compare.layout': '布局',
  'compare.layout.sideBySide': '并排',
  'compare.layout.wipe': '划像',
  'compare.close': '关闭对比',
  'compare.closeHint': '关闭（Esc）',
  'compare.video': '视频 {side}',
  'compare.play': '播放',
  'compare.pause': '暂停',
  'compare.timeline': '时间轴',
  'compare.timelineValue': '{time, number, ::.00} 秒，共 {duration, number, ::.00} 秒',
  'compare.wipePosition': '划像位置',
  'compare.wipeValue': 'A 占 {percent, number}%',
  'compare.promptDiff': '提示词（A → B）',
  'compare.negativeDiff': '负面提示词（A → B）',
  // PromptDiff
  'compare.diff.empty': '（空）',
  // SettingsDiff
  'compare.settings.label': '设置差异',
  'compare.settings.summary': '{count, plural, =0 {设置相同} other {# 项设置不同}}',
  'compare.settings.setting': '设置',
  'compare.settings.differs': '（不同）',
  'compare.settings.model': '模型',
  'compare.settings.aspectRatio': '画面比例',
  'compare.settings.duration': '时长',
  'compare.settings.resolution': '分辨率',
  'compare.settings.audio': '音频',
  'compare.settings.seed': '种子',
  'compare.settings.negativePrompt': '负面提示词',
  'compare.settings.provider': '服务商',
  'compare.settings.auto': '自动',
  'compare.settings.on': '开',
  'compare.settings.off': '关',
  'compare.settings.random': '随机',
};
