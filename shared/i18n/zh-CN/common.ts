import type { Translation } from '../catalog-types';
import type { common as en } from '../en/common';

export const common: Translation<typeof en> = {
  'common.cancel': '取消',
  'common.close': '关闭',
  'common.save': '保存',
  'common.delete': '删除',
  'common.undo': '撤销',
  'common.retry': '重试',
  'common.tryAgain': '再试一次',
  'common.copy': '复制',
  'common.copied': '已复制',
  'common.showDetails': '显示详情',
  'common.hideDetails': '隐藏详情',
  'common.loading': '正在加载…',
  'common.none': '无',
  'common.unknown': '未知',
  'common.dash': '—',
  'common.somethingWentWrong': '出了点问题，请再试一次。',
  'common.thatDidNotWork': '操作未成功',
  // A provider's name on its own (a sentence that names one uses a select, for its grammar).
  'common.provider.aggregator': '聚合服务',
  'common.provider.fal': 'fal.ai',
  'common.provider.simulator': '模拟器',
  'common.usd': '{amount, number, ::currency/USD}',
  'common.jobs': '{count, plural, other {# 个任务}}',
};
