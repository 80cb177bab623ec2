import type { Translation } from '../catalog-types';
import type { frames as en } from '../en/frames';

export const frames: Translation<typeof en> = {
  // capture-frame.ts: why a frame could not be taken
  'frames.capture.noPicture': '这个视频没有可截取的画面。',
  'frames.capture.cannotDraw': '此窗口无法绘制视频帧。',
  'frames.capture.cannotEncode': '无法将这一帧编码为 {format}。',
  'frames.capture.timedOut': '视频没有及时显示画面。请先播放一次，然后重试。',
  'frames.capture.unreadable': '无法读取这个视频。',
  // ContinueFromFrame
  'frames.continue.group': '从某一帧续写',
  'frames.continue.current': '从这一帧续写',
  'frames.continue.last': '使用尾帧',
  'frames.continue.hint': '在播放器中用 , 和 . 选择帧',
  'frames.continue.ready': '帧已就绪，请在“生成”中继续这个故事',
  'frames.continue.failed': '无法截取这一帧',
  // ChainPanel
  'frames.chain.label': '续写链',
  'frames.chain.finalOf': '{model} 草稿的正式版：{parent}',
  'frames.chain.continuedFrom': '续写自：{parent}',
  'frames.chain.continuedFromMissing': '续写自：<missing>一个已不在作品库中的任务</missing>',
  'frames.chain.continuedIn': '已续写为 {count, plural, other {# 个任务}}',
  'frames.chain.continuations': '续写',
  'frames.chain.copyList': '复制文件列表',
  'frames.chain.downloadList': '下载列表',
  'frames.chain.copied': '{count, plural, other {已按顺序复制 # 个文件}}',
  'frames.chain.copyFailed': '无法复制',
  'frames.chain.listFailed': '无法列出续写链',
  // TransitionTo
  'frames.transition.open': '过渡到…',
  'frames.transition.group': '过渡到另一条',
  'frames.transition.none': '还没有其他可过渡到的已完成视频。',
  'frames.transition.target': '过渡到',
  'frames.transition.prompt': '过渡提示词',
  'frames.transition.queue': '加入过渡任务',
  'frames.transition.price': '{model}，{duration}：{usd, number, ::currency/USD}',
  'frames.transition.priceFree': '{model}，{duration}：免费（按价应为 {usd, number, ::currency/USD}）',
  'frames.transition.queued': '已用 {model} 加入过渡任务',
  'frames.transition.listFailed': '无法列出视频',
  'frames.transition.framesFailed': '无法使用这些帧',
  'frames.transition.captureFailed': '无法截取这些帧',
};
