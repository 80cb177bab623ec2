import type { Translation } from '../catalog-types';
import type { app as en } from '../en/app';

export const app: Translation<typeof en> = {
  // ipc/router.ts
  'app.ipc.unknownRequest': '无法识别的请求。如果反复出现，请重启 Veo Studio。',
  'app.ipc.somethingWrong': '出了点问题，请再试一次。',
  // service: faces
  'app.desktopOnly': '仅在桌面应用中可用。',
  'app.host.noPicturePath': '浏览器版不能按路径打开图片。请把图片拖到页面上，或用文件按钮选择。',
  'app.host.noSidecarPath': '浏览器版不能按路径打开文件。请把 .json 附属文件拖到页面上。',
  'app.host.noApiBaseChange': '无法在浏览器中更改 API 地址。请用“{command}”重启主机，或在桌面应用中更改。',
  'app.host.noProviderChange': '此主机以 --api-base 启动，因此无法在浏览器中更换服务商。请用所需的 --provider（及 --api-base）重启主机。',
  'app.host.noProxyChange': '无法在浏览器中更改代理。请设置 HTTPS_PROXY 后启动主机，或在桌面应用中更改。',
  // service: API key
  'app.key.missing': '尚未设置 {provider} 的 API 密钥。请打开“设置”添加密钥，或改用模拟器。',
  'app.key.simulatorNothingSaved': '模拟器不需要 API 密钥，未保存任何内容。',
  'app.key.simulatorNeedsNone': '模拟器不需要 API 密钥。',
  'app.key.notValid': '密钥无效。',
  'app.key.couldNot': '无法{verb, select, read {读取} save {保存} other {移除}} API 密钥，请重试。',
  // service: pictures handed in
  'app.picture.gone': '图片已不可用，请重新拖入。',
  'app.picture.lastFrameGone': '尾帧已不可用，请重新拖入。',
  'app.picture.noFile': '收到的图片缺少文件，请重新拖入。',
  'app.picture.empty': '图片是空的，请重新拖入文件。',
  'app.picture.tooLarge': '图片超过 {megabytes} MB，请使用更小的文件。',
  'app.picture.rerunUnusable': '此任务的输入图片已无法使用：{reason} 请把它拖到“创作”页重新开始。',
  // service: library
  'app.library.jobGone': '此任务已不在作品库中。',
  'app.library.deleteActive': '此任务仍在{state, select, submitting {提交中} queued {排队中} running {生成中} downloading {下载中} other {{state}}}。{state, select, downloading {视频正在下载，请在下载完成后再删除。} other {请先取消，再删除。}}',
  'app.library.notDeleted': '此任务未被删除，无需撤销。',
  'app.library.trashGone': '此任务已无法恢复：已删除的任务只保留到应用关闭为止。',
  'app.video.notYet': '此任务还没有视频：任务完成后才会出现。',
  // service: sidecars
  'app.sidecar.missing': '“{video}”没有附属文件：旁边没有 {sidecar}。',
  'app.sidecar.dropTheJson': '拖到这里的视频不带所在文件夹，因此找不到它的附属文件。请改为拖入它旁边的 .json 附属文件。',
  // service: export and import
  'app.portable.busy': '已有导出或导入正在进行，请等待其完成。',
  'app.portable.failed': '导出或导入失败。',
  'app.portable.noPicker': '此处没有文件夹选择器，请直接输入文件夹路径。',
  'app.portable.nulByte': '该文件夹路径包含 NUL 字节。',
  'app.portable.notAbsolute': '请输入完整的文件夹路径，以{sep, select, slash {“/”} other {盘符}}开头。',
  // spend guard
  'app.spend.needsConfirmation': '这将花费约 {usd, number, ::currency/USD group-off}，超过你设置的上限 {limit, number, ::currency/USD group-off}。确认后继续，或在“设置”中修改上限。',
  'app.spend.secondFinal': '此草稿已有成片，{where, select, done {已经完成} other {正在生成}}：点击“打开成片”查看。如需另一个版本，请在成片上使用“再来一条”。',
  'app.rerun.alreadyFull': '{model} 已是完整模型：无法为这一条生成成片。',
  // shared/models.ts: what a model takes
  'app.model.notOffered': '{model} 不支持{what, select, aspectRatio {画面比例} duration {时长} other {分辨率}} {value}，可选：{allowed}。{hint, select, create {请在“创作”页修改后重试。} other {}}',
  'app.model.noNegativePrompt': '{model} 不支持负面提示词（{others} 支持）。{hint, select, create {请在“创作”页修改后重试。} other {}}',
  'app.model.noSeed': '{model} 不支持种子（{others} 支持）。{hint, select, create {请在“创作”页修改后重试。} other {}}',
  'app.model.needsLastFrame': '{model} 除首帧外还需要尾帧：请添加一张。{hint, select, create {请在“创作”页修改后重试。} other {}}',
  'app.model.noLastFrame': '{model} 只接受一张图片，不接受尾帧（{which} 可以）：请移除尾帧或改选该模型。{hint, select, create {请在“创作”页修改后重试。} other {}}',
  // jobs: the runner's own errors
  'app.job.outcomeUnknown': '发送此任务时 Veo Studio 停止了运行，任务可能已排队（并已计费），也可能没有。重新运行前，请先在服务商控制台中确认。',
  'app.job.cancelled': '已按你的要求取消。',
  'app.job.notReady': '服务器表示任务已完成，但没有返回结果。请稍等一分钟后点击“重新查询”。',
  'app.job.internal': 'Veo Studio 内部出错：{detail}',
  'app.job.serverFailedNotCharged': '任务在服务器上失败（HTTP {status, number, ::group-off}）；失败的任务不计费，你没有被扣费。请过几分钟再试。',
  'app.job.expired': '视频已生成并已计费，但在 Veo Studio 保存之前，服务器上的链接已过期，无法再获取。“重试”会生成新视频并再次计费。',
  'app.job.stillUnreachable': '自 {since, time, medium} 起无法连接 {host}，仍在重试。任务可能仍在服务器上运行，不会丢失任何内容。',
  'app.job.inputNotPrepared': '无法处理输入图片（{reason}）。请更换图片后重新生成。',
  'app.job.noSuchJob': '作品库中没有 ID 为 {id} 的任务。',
  'app.download.failed': '无法下载生成的视频。请点击“重新查询”继续下载。',
  'app.recheck.noRequestId': 'Veo Studio 无从查询：请求已发出，但没有收到请求 ID，只有服务商能确认它是否已排队（并计费）。再次生成前，请先在服务商控制台查看请求记录。',
  'app.recheck.nothingToCheck': '此任务在这里无可查询：它从未到达服务器，或是从其他作品库导入的（导入的任务不保留服务器地址，请查看原作品库所用服务商的控制台）。',
  // jobs: what the server said to a cancel (a line on the job's log)
  'app.cancel.requested': '已请求取消，服务器仍可能完成此任务。',
  'app.cancel.alreadyCompleted': '取消请求到达时，任务已在服务器上完成。',
  'app.cancel.notFound': '服务器已不再记得此请求。',
  'app.cancel.downloading': '此任务已在服务器上完成，视频正在下载，费用已产生。',
  // jobs: failures told in the simulator's terms
  'app.simulator.outcomeUnknown': '发送此任务后一直没有收到回应，模拟器可能已开始，也可能没有。模拟器免费，未产生任何费用；“重试”会新建一个任务。',
  'app.simulator.notFound': '模拟器中已没有此任务：它只在运行期间保留任务，而它之后已停止（内置模拟器随应用一起停止）。模拟器免费，未产生任何费用；“重试”会新建一个任务。',
  'app.simulator.expired': '在 Veo Studio 保存之前，模拟器上的视频链接已过期。模拟器免费，未产生任何费用；“重试”会新建一个任务。',
  'app.simulator.payloadTooLarge': '模拟器以请求过大为由拒绝了此请求（HTTP 413）：它的 payload_too_large 场景会拒绝所有请求，无论大小。真实服务商只会在图片超过上传上限时这样说。未产生任何费用。',
  // media: input pictures
  'app.image.empty': '{named, select, yes {“{name}”} other {此文件}}是空的（0 字节）。请重新选择图片或重新导出。',
  'app.image.tooLarge': '{named, select, yes {“{name}”} other {此文件}}大小为 {size}，上限为 {limit}。请导出一个更小的副本（长边 1920 像素就足够）后重试。',
  'app.image.notAnImage': '{named, select, yes {“{name}”} other {此文件}}不是 PNG、JPEG 或 WebP 图片（无论文件名如何，其内容都不符合这几种格式）。请使用 PNG、JPEG 或 WebP。',
  'app.image.corrupt': '无法读取该图片（可能不完整）。请重新导出后重试。',
  'app.image.notAFile': '{named, select, yes {“{name}”} other {此项}}不是文件。请选择一个图片文件。',
  'app.image.permissionDenied': '无法打开{named, select, yes {“{name}”} other {此文件}}：权限不足。请把它复制到你有读取权限的位置后重试。',
  'app.image.isFolder': '{named, select, yes {“{name}”} other {此项}}是文件夹。请选择一个图片文件。',
  'app.image.notFound': '找不到{named, select, yes {“{name}”} other {此文件}}，它可能已被移动或删除，请重新选择。',
  'app.image.doesNotFit': '即使缩小后，图片仍超出 {limit} 的上传上限。请使用更简单或更小的图片，或改为粘贴其 https 链接。',
  'app.image.tooManyPixelsSized': '该图片为 {width, number, ::group-off}×{height, number, ::group-off} 像素（{megapixels}）；最多只能安全处理 {max}。请缩小尺寸（长边 1920 像素就足够）后重试。',
  'app.image.tooManyPixels': '该图片像素过多；最多只能安全处理 {max}。请缩小尺寸（长边 1920 像素就足够）后重试。',
  'app.image.notPrepared': '无法处理该图片。请重新拖入；如果仍然失败，请重新导出为 PNG 或 JPEG。',
  // media: picture links
  'app.url.empty': '链接为空。请粘贴指向 PNG、JPEG 或 WebP 图片的公开 https:// 链接，或直接拖入文件。',
  'app.url.tooLong': '链接过长（超过 {max, number, ::group-off} 个字符）。请粘贴指向 PNG、JPEG 或 WebP 图片的公开 https:// 链接，或直接拖入文件。',
  'app.url.notAnAddress': '这不是网址。请粘贴指向 PNG、JPEG 或 WebP 图片的公开 https:// 链接，或直接拖入文件。',
  'app.url.dataLink': '此处不接受 data 链接。请直接拖入图片文件：它会先经过检查和缩放。',
  'app.url.httpsOnly': '只接受 https:// 链接：请把 http:// 改为 https://，或直接拖入文件。',
  'app.url.scheme': '不能使用以“{scheme}”开头的链接。请粘贴指向 PNG、JPEG 或 WebP 图片的公开 https:// 链接，或直接拖入文件。',
  'app.url.noHost': '链接中没有主机名。请粘贴指向 PNG、JPEG 或 WebP 图片的公开 https:// 链接，或直接拖入文件。',
  'app.url.credentials': '链接中包含用户名或密码，请将其删除：链接会发送到服务器并保存在任务记录中。',
  // media: picture warnings (shown before submit)
  'app.pictureWarning.small': '图片尺寸为 {width, number, ::group-off}×{height, number, ::group-off}；fal 要求短边至少 {min, number, ::group-off} 像素（720p）。视频可能会模糊，服务器也可能拒绝。如有更大的图片，请换用。',
  'app.pictureWarning.aspect': '图片尺寸为 {width, number, ::group-off}×{height, number, ::group-off}，不是 16:9 或 9:16：约 {percent, number}% 的画面会被裁掉，以生成 {target} 视频。请先自行裁剪，决定保留哪些部分。',
  'app.pictureWarning.downscaled': '图片（{fromWidth, number, ::group-off}×{fromHeight, number, ::group-off}，{fromSize}）将以 {toWidth, number, ::group-off}×{toHeight, number, ::group-off} 的 JPEG（{toSize}）发送，以符合上传限制。原图仍保存在你的作品库中。',
};
