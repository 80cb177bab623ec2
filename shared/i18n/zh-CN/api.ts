import type { Translation } from '../catalog-types';
import type { api as en } from '../en/api';

// The same fragments as the English file, in Chinese.
const REASON =
  '{reason, select, dns {无法解析域名 {host}（DNS）} dnsAgain {暂时无法解析域名 {host}（DNS 无响应）} ' +
  'refused {{host} 拒绝了连接} unreachable {当前网络无法访问 {host}} timedOut {连接 {host} 超时} ' +
  'noAnswerWithin {{host} 在 {duration} 内没有响应} noAnswer {{host} 没有及时响应} couldNotReach {无法连接 {host}} ' +
  'certificate {{host} 的证书不受信任} proxyTimeout {代理 {proxy} 没有响应} proxyRefused {代理 {proxy} 拒绝了连接} ' +
  'proxyUnreachable {无法连接代理 {proxy}} proxy {代理出错} other {与 {host} 的连接中断}}';
const ATTEMPTS = '{attempts, plural, other {#次}}';
const NOT_QUEUED = '{queued, select, no {任务未排队，没有扣费。} other {}}';
const CHECK_NETWORK = '请检查网络连接和“设置”中的 API 地址';

export const api: Translation<typeof en> = {
  // network-words.ts
  'api.network.reason': REASON,
  // classify.ts transportFailure
  'api.network.failure':
    `网络问题：${REASON}{attempts, plural, =0 {} other {，已尝试#次后放弃}}。` +
    '{advice, select, certificate {请求未发送：Veo Studio 只通过受信任的连接发送密钥。请检查 API 地址；如果公司代理或杀毒软件会检查 HTTPS 流量，请让其证书被系统信任。} ' +
    'proxy {请求未发送到 API。请检查“设置”中的代理（或 HTTPS_PROXY / HTTP_PROXY）。} ' +
    `submit {${CHECK_NETWORK}，然后重试。} ` +
    `result {${CHECK_NETWORK}，然后点击“重新检查”获取视频。} ` +
    `cancel {取消请求未到达服务器，任务可能仍会在服务器上完成并扣费；如果完成，视频仍会保存在这里。${CHECK_NETWORK}，然后再次点击“取消”。} ` +
    `other {${CHECK_NETWORK}，然后点击“重新检查”：任务可能仍在服务器上运行。}}` +
    '{charge, select, nothingSent {请求未发送，没有扣费。} notCharged {没有扣费。} other {}}',
  // classify.ts outcomeUnknown
  'api.outcomeUnknown':
    '请求已发送，但{why, select, gateway504 {网关等待视频服务超时（HTTP 504）} ' +
    'gateway502 {网关从视频服务收到了损坏的应答（HTTP 502），服务可能已接受任务} ' +
    'server500 {请求到达服务器后服务器出错（HTTP 500）} noAnswer {没有及时收到应答} ' +
    `brokeOff {应答在完整收到前中断} unreadable {无法读取应答} other {应答到达前${REASON}}}，` +
    '因此视频可能已排队并扣费，也可能没有。再次生成前，请先在服务商控制台查看请求记录；Veo Studio 不会自动重新发送。',
  // classify.ts: HTTP answers
  'api.http.notFoundRequest': '服务器不认识请求 {requestId}（HTTP 404）。它可能已过期，或属于其他服务商或密钥。',
  'api.http.notFoundThisRequest': '服务器不认识此请求（HTTP 404）。它可能已过期，或属于其他服务商或密钥。',
  'api.http.endpointNotFound': '找不到视频接口（HTTP 404）。请检查“设置”中的 API 地址。',
  'api.http.cancelRefused': '服务商拒绝取消此任务（HTTP {status}）。任务会继续在服务器上运行，完成后会扣费；视频仍会保存在这里。',
  'api.http.unexpected': '服务器返回了意外的应答（HTTP {status}{hasId, select, yes {，请求 ID {requestId}} other {}}）',
  'api.http.malformed':
    '无法读取服务器的{op, select, submit {提交} status {状态} stream {状态流} result {结果} cancel {取消} other {}}应答{hasId, select, yes {（请求 ID {requestId}）} other {}}（HTTP {status}）：这不是视频服务会给出的应答。请检查“设置”中的 API 地址；如果地址无误，说明服务商出了问题，请稍后重试。',
  'api.http.serverProblem':
    `服务器暂时出现问题（HTTP {status}{hasType, select, yes {，{errorType}} other {}}），已尝试${ATTEMPTS}后放弃。` +
    '{tail, select, notCharged {没有扣费。请过几分钟再试。} result {视频可能已在服务器上完成（并已扣费）；请过几分钟点击“重新检查”获取。} other {任务可能仍在服务器上运行，请稍后重试。}}',
  // classify.ts inputRejected
  'api.input.contentPolicy':
    '安全过滤器拒绝了{what, select, picture {图片} prompt {提示词} other {提示词或图片}}。' +
    '请{what, select, picture {换一张图片} prompt {修改提示词} other {修改提示词或换一张图片}}，然后重新生成。',
  'api.input.refusedField':
    '服务拒绝了{field, select, picture {图片} prompt {提示词} negativePrompt {负面提示词} aspectRatio {画面比例} duration {时长} resolution {分辨率} audio {音频设置} seed {种子} other {某项设置}}' +
    '{more, plural, =0 {} other {及另外#项设置}}。' +
    '{field, select, picture {请更换图片，然后重新生成。} prompt {请修改提示词，然后重新生成。} negativePrompt {请修改负面提示词，然后重新生成。} other {请修改后重试。}}',
  'api.input.rejected': '服务器拒绝了输入内容（HTTP {status}）。',
  'api.input.rejectedSaying': '服务器拒绝了输入内容。{picture, select, yes {请更换图片，然后重新生成。} other {}}',
  // aggregator-refusals.ts
  'api.refusal.keyQuota': `此密钥的额度已用完（HTTP 401）。请到服务商处充值，然后重试。${NOT_QUEUED}`,
  'api.refusal.quota': `余额或额度已用完（HTTP {status}）。请到服务商处充值，然后重试。${NOT_QUEUED}`,
  'api.refusal.keyRejected': 'API 密钥被拒绝（HTTP 401）。请打开“设置”检查密钥。',
  'api.refusal.blockedInFront': `服务商前面的防火墙或 CDN 拦截了请求（HTTP 403）。请换个网络，或联系服务商。${NOT_QUEUED}`,
  'api.refusal.banned': `服务商已封禁此账户或密钥（HTTP 403）。请联系服务商。${NOT_QUEUED}`,
  'api.refusal.ipNotAllowed': `服务商不接受从你的 IP 地址使用此密钥（HTTP 403）。请在服务商的密钥设置中允许此地址。${NOT_QUEUED}`,
  'api.refusal.modelNotAllowed': `此密钥无权使用此模型或接口（HTTP 403）。请到服务商处查看你的密钥或分组允许使用哪些模型。${NOT_QUEUED}`,
  'api.refusal.pictureTooLarge':
    '图片超出了此服务商的大小限制{sent, select, known {（请求大小 {size}，图片经 base64 编码）} other {}}（HTTP 413）。' +
    `请使用{sent, select, known {明显更小的图片，例如分辨率更低的 JPEG} other {更小的图片}}，或请服务商提高上传限制，然后重试。${NOT_QUEUED}`,
  'api.refusal.rateLimited':
    `{who, select, saturated {服务商的上游已饱和} other {服务器限制了请求频率}}（HTTP 429），已尝试${ATTEMPTS}后放弃。请等一分钟再试。${NOT_QUEUED}`,
  'api.refusal.noChannel': `服务商暂时无法提供此模型（HTTP 503）。请稍后重试，或询问服务商你的分组可以使用哪些模型。${NOT_QUEUED}`,
  // aggregator-refusals.ts: following a paid job
  'api.paid.quota': '跟进此任务时余额或额度已用完（HTTP {status}）。任务仍在服务器上运行且已付费：请到服务商处充值，然后点击“重新检查”（CLI：resume）继续获取。',
  'api.paid.keyRejected': '跟进此任务时 API 密钥被拒绝（HTTP {status}）。任务仍在服务器上运行且已付费：请在“设置”中修正密钥，然后点击“重新检查”（CLI：resume）继续获取。',
  'api.paid.forbidden': '此密钥已无权读取此任务（HTTP {status}）。任务仍在服务器上运行且已付费：请到服务商处查看你的密钥或分组允许使用哪些模型，然后点击“重新检查”（CLI：resume）继续获取。',
  'api.paid.noChannel': '服务商暂时无法回答此任务的状态（HTTP {status}）。任务仍在服务器上运行且已付费：请稍等片刻（或向服务商询问此模型），然后点击“重新检查”（CLI：resume）继续获取。',
  // transport.ts
  'api.transport.keyOriginRefused':
    '已拒绝把 API 密钥发送到 {origin}：此服务商的密钥只发送到 {configured}（“设置”中的 API 地址）。未发送任何内容。如果此任务确实发送到了 {origin}，请在“设置”中改为该地址，然后点击“重新检查”。',
  'api.transport.replyTooLarge': '服务器的应答超过 {maxBytes} 字节，未读取。',
  'api.transport.redirect':
    '服务器返回了重定向（HTTP {status}），指向{hasWhere, select, yes { {where}} other {其他地址}}。Veo Studio 不会带着你的 API 密钥跟随重定向；如果服务已迁移，请在“设置”中更新 API 地址。',
  // sse.ts
  'api.stream.idle': '状态流 {seconds} 秒内没有任何消息，已关闭，将改用其他方式查看进度。',
  'api.stream.brokeOff': '状态流中断了。',
  'api.stream.closedEarly': '任务完成前状态流就关闭了。',
  // rebase.ts
  'api.base.badQueueUrl': '服务器返回的队列 URL 无效。',
  'api.base.invalid': 'API 地址“{url}”不是有效的 http(s) 地址。请在“设置”中修改。',
  // providers.ts
  'api.key.missing': '尚未设置 {provider} 的 API 密钥。请在“设置”中添加（或在终端运行：`npm run cli -- key set`）。',
  // balance.ts
  'api.balance.unreadable': '无法读取余额。',
  'api.balance.notReported': '{provider} 不提供余额信息。',
  'api.balance.noSubscription': '服务商不提供余额信息（billing/subscription 返回 HTTP {status}）。',
  'api.balance.unlimited': '此密钥没有消费上限。',
  'api.balance.noUsage': '服务商不提供用量信息（billing/usage 返回 HTTP {status}）。',
  'api.balance.notDollars': '服务商报告的余额看起来不是美元（{amount}），可能使用它自己的额度单位。',
  'api.balance.falDefaultOnly': '只有在使用 fal 默认 API 地址时才会查询 fal 的计费 API。',
  'api.balance.falNotShared': 'fal 未向此密钥提供余额（HTTP {status}）；只有管理员密钥才能读取。',
  'api.balance.falCurrency': 'fal 以 {currency} 报告余额。',
  'api.balance.falNotDollars': 'fal 报告的余额看起来不是美元（{amount}）。',
  // key-check.ts
  'api.keyCheck.empty': '密钥为空。',
  'api.keyCheck.unreachable': `无法通过 {origin} 检查密钥（{reason, select, noAnswerInTime {没有及时响应} other {${REASON}}}）。仍可离线保存，下次生成时会再检查。`,
  'api.keyCheck.serverProblem': '无法检查密钥：{origin} 出现问题（HTTP {status}）。仍可保存，下次生成时会再检查。',
  'api.keyCheck.rateLimited': '无法检查密钥：{origin} 正在限流或已饱和（HTTP 429），请一分钟后再检查。仍可保存，下次生成时会再检查。',
  'api.keyCheck.blockedInFront': '无法检查密钥：{origin} 前面的某个服务拒绝了检查（HTTP 403）。仍可保存，下次生成时会再检查。',
  'api.keyCheck.keyQuota': '{origin} 认识此密钥，但它的额度已用完。请充值或提高其额度上限。',
  'api.keyCheck.balanceQuota': '{origin} 认识此密钥，但余额或额度已用完。请到服务商处充值。',
  'api.keyCheck.rejected': '{origin} 拒绝了此密钥（HTTP 401）。请确认密钥已完整复制。',
  'api.keyCheck.refused': '{origin} 拒绝了此密钥（HTTP 403）。请查看服务商的说明，并在服务商控制台中处理。',
  'api.keyCheck.notTheApi':
    '{origin} 看起来不是视频 API（HTTP {status}，{shape, select, api {队列 API 不会给出这样的应答} other {不是 API 的 JSON}}）。请检查“设置”中的 API 地址；密钥未经检查。',
  'api.keyCheck.works': '密钥可用：{origin} 已接受。',
};
