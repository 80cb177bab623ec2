import type { Translation } from '../catalog-types';
import type { errors as en } from '../en/errors';

export const errors: Translation<typeof en> = {
  // describeJobError: one title per ErrorKind
  'errors.title.auth': 'API 密钥被拒绝',
  'errors.title.quota': '余额或额度已用完',
  'errors.title.forbidden': '此密钥无权执行该操作',
  'errors.title.unavailable': '服务商暂时无法提供此模型',
  'errors.title.validation': '请求被拒绝',
  'errors.title.content_policy': '被内容政策拦截',
  'errors.title.rate_limit': '请求过于频繁',
  'errors.title.transient': '服务出现问题',
  'errors.title.expired': '视频链接已过期',
  'errors.title.not_found': '服务器已找不到此任务',
  'errors.title.outcome_unknown': '结果未知',
  'errors.title.cancelled': '已取消',
  'errors.title.unknown': '出了点问题',
  'errors.title.connection': '连接问题',
  // "Show details" facts
  'errors.fact.kind': '错误：{kind}',
  'errors.fact.requestId': '请求 ID：{requestId}',
  'errors.fact.httpStatus': 'HTTP 状态：{status}',
  'errors.fact.errorType': '错误类型：{errorType}',
  'errors.fact.field': '字段：{field}',
  'errors.fact.notCharged': '已扣费：否（未进入队列，或服务不对此类失败收费）',
  'errors.fact.detail': '详情：{detail}',
};
