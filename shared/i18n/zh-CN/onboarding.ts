import type { Translation } from '../catalog-types';
import type { onboarding as en } from '../en/onboarding';

export const onboarding: Translation<typeof en> = {
  // Providers (shared/providers.ts): names, blurbs and where to get a key, for onboarding and Settings
  'onboarding.provider.aggregator.blurb': '默认服务（api.chainhub.tech），使用其专属密钥。',
  'onboarding.provider.aggregator.keyHelp': '登录聚合服务的控制台，在那里创建 API 密钥（以 sk-… 开头）。',
  'onboarding.provider.fal.blurb': '使用 fal 密钥直连 fal.ai。',
  'onboarding.provider.fal.keyHelp': '在 fal.ai 控制台的 Keys 页面创建。',
  'onboarding.provider.simulator.blurb': '免费、离线，生成示例片段，用于试用。',
  // Onboarding
  'onboarding.title': '欢迎使用 Veo Studio',
  'onboarding.lead': '借助 Google 的 Veo 3，把一张静态图片变成短视频（最长 8 秒，带声音）。要生成真实视频，Veo Studio 需要 API 密钥。',
  'onboarding.whereToGetKey': '如何获取密钥',
  'onboarding.otherProvider': '已有 {provider} 密钥？请在设置中将服务商选为<strong>{provider}</strong>。',
  'onboarding.pasteKey': '粘贴你的{provider}密钥',
  'onboarding.keyDestination': '你的密钥只会发送到 <strong>{origin}</strong>：现在用于验证（免费），之后随每个任务发送。',
  'onboarding.or': '或',
  'onboarding.trySimulator': '试用模拟器',
  'onboarding.simulatorHint': '免费、离线：示例片段，完整流程。随时可在设置中切换到真实服务商。',
  'onboarding.notNow': '暂不设置，先随便看看',
};
