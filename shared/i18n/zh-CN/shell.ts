import type { Translation } from '../catalog-types';
import type { shell as en } from '../en/shell';

export const shell: Translation<typeof en> = {
  // main.tsx (before React mounts)
  'shell.main.openHostLink': '请打开 “npm run host” 输出的链接（其中带有本次运行的访问令牌）。',
  // App
  'shell.app.skipLink': '跳到主要内容',
  // ConnectionBanner
  'shell.connection.connecting': '正在连接 Veo Studio…',
  'shell.connection.lost': '连接已断开，正在重新连接 Veo Studio…',
  // Rail
  'shell.rail.label': '主导航',
  'shell.rail.create': '创作',
  'shell.rail.library': '作品库',
  'shell.rail.settings': '设置',
  'shell.rail.createTitle': '创作（{shortcut}）',
  'shell.rail.libraryTitle': '作品库（{shortcut}）',
  'shell.rail.settingsTitle': '设置（{shortcut}）',
  'shell.rail.providerReadyTitle': '新任务将发送到{provider, select, aggregator {聚合服务} fal {fal.ai} simulator {模拟器} other {{provider}}}',
  'shell.rail.providerMissingTitle': '尚未设置 API 密钥，请打开设置',
  'shell.rail.providerReady': '（已就绪）',
  'shell.rail.providerMissing': '（无 API 密钥）',
  // BalanceChip
  'shell.balance.freeTitle': '模拟器不收费：每个任务都免费。',
  // One sentence per chip, its parts tagged: the amount always shows, <more> only in the wide rail.
  'shell.balance.freeChip': '<amount>免费</amount><more>，不扣费</more>',
  'shell.balance.title': '服务商报告的余额，点击刷新',
  'shell.balance.titleAt': '服务商于{time}报告的余额，点击刷新',
  'shell.balance.label': '余额剩余{amount, number, ::currency/USD}，刷新',
  'shell.balance.chip': '<more>余额 </more><amount>{usd, number, ::currency/USD unit-width-narrow}</amount>',
  // Toasts
  'shell.toasts.label': '通知',
  'shell.toasts.dismiss': '关闭通知',
  // ErrorDetails
  'shell.errorDetails.copyDetails': '复制详情',
  'shell.errorDetails.copyFailed': '复制失败',
  'shell.errorDetails.providerWords': '服务商原话',
  // ViewBoundary
  'shell.boundary.label':
    '{view, select, create {生成} library {作品库} settings {设置} jobs {任务面板} compare {对比} detail {任务详情} other {此视图}}：此视图出现问题',
  'shell.boundary.title': '此视图出现问题',
  'shell.boundary.text':
    '无法显示{view, select, create {生成} library {作品库} settings {设置} jobs {任务面板} compare {对比} detail {任务详情} other {此视图}}。你保存的内容都安全无损，Veo Studio 的其他部分仍可正常使用。请重新加载此视图再试。',
  'shell.boundary.reload': '重新加载视图',
  // format.ts
  'shell.time.justNow': '刚刚',
};
