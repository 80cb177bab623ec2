import type { Translation } from '../catalog-types';
import type { library as en } from '../en/library';

export const library: Translation<typeof en> = {
  // LibraryView
  'library.view.title': '作品库',

  // LibraryToolbar
  'library.toolbar.searchPlaceholder': '搜索提示词',
  'library.toolbar.searchLabel': '搜索作品库',
  'library.toolbar.clearSearch': '清除搜索',
  'library.toolbar.searchShortcut': '{mod}F',
  'library.toolbar.filterLabel': '按状态筛选',
  'library.toolbar.chipInProgress': '进行中',
  'library.toolbar.chipCompleted': '已完成',
  'library.toolbar.chipFailed': '失败',
  'library.toolbar.chipCancelled': '已取消',
  'library.toolbar.favourites': '收藏',
  'library.toolbar.sortLabel': '排序',
  'library.toolbar.newestFirst': '最新优先',
  'library.toolbar.oldestFirst': '最早优先',

  // LibraryGrid
  'library.grid.label': '作品库条目',
  'library.grid.readFailed': '无法读取作品库',
  'library.grid.noResults': '没有与“{search}”匹配的结果',
  'library.grid.noMatch': '没有符合这些筛选条件的任务',
  'library.grid.clearFilters': '清除搜索和筛选',
  'library.grid.filteredHint': '试试减少关键词，或换一个状态。',
  'library.grid.emptyTitle': '还没有视频',
  'library.grid.emptyAction': '生成第一个视频',
  'library.grid.emptyText': '你发起的每个任务都会出现在这里——可离线播放，可按提示词搜索。',

  // LibraryCard, CardCheck
  'library.card.favourite': '收藏',
  'library.card.addFavourite': '加入收藏',
  'library.card.removeFavourite': '取消收藏',
  'library.card.check': '选择：{prompt}',

  // SelectionBar
  'library.selection.label': '已选任务',
  'library.selection.hint': '点击卡片即可选择',
  'library.selection.count': '已选{count}个',
  'library.selection.favourite': '收藏所选',
  'library.selection.unfavourite': '取消收藏所选',
  'library.selection.delete': '删除所选',
  'library.selection.clear': '清除选择',
  'library.selection.done': '完成',

  // PortableActions
  'library.portable.label': '导出和导入',
  'library.portable.selectHint': '勾选卡片以导出、收藏或删除；空格键勾选当前卡片，{mod}A 全选',
  'library.portable.select': '选择',
  'library.portable.selecting': '选择中（{count}）',
  'library.portable.exportSelectionLabel': '导出所选…',
  'library.portable.exportSelection': '{count, plural, =0 {导出所选…} other {导出所选…（#）}}',
  'library.portable.exportAll': '全部导出…',
  'library.portable.nothingToExport': '作品库是空的，暂无可导出的内容',
  'library.portable.import': '导入…',
  'library.portable.exportTitle': '导出作品库',
  'library.portable.importTitle': '导入作品库',
  'library.portable.exportSelectedText':
    '将所选的{count, plural, other {#个任务}}（视频、输入图片和索引）复制到运行 Veo Studio 的电脑上的一个文件夹中。请使用空文件夹或新文件夹。',
  'library.portable.exportAllText': '将整个作品库（视频、输入图片和索引）复制到运行 Veo Studio 的电脑上的一个文件夹中。请使用空文件夹或新文件夹。',
  'library.portable.importText': '将 Veo Studio 导出的文件夹合并到本作品库。已有的任务会被跳过。',
  'library.portable.folderPath': '文件夹路径',
  'library.portable.exportButton': '导出',
  'library.portable.importButton': '导入',

  // portable-store (toasts)
  'library.portable.exporting': '正在导出…',
  'library.portable.importing': '正在导入…',
  'library.portable.exportFailed': '导出失败',
  'library.portable.importFailed': '导入失败',
  'library.portable.exported': '已将{count, plural, other {#个任务}}导出到 {dest}',
  'library.portable.imported': '已导入{imported}个',
  'library.portable.importedSkipped': '已导入{imported}个，跳过{skipped}个已在作品库中的任务',
  'library.portable.problems': '有{count, plural, other {#个任务}}未能包含在内。',

  // LibraryDetail
  'library.detail.label': '任务详情',
  'library.detail.copied': '已复制提示词和设置',
  'library.detail.copyFailed': '无法复制',
  'library.detail.player': '视频播放器',
  'library.detail.close': '关闭详情',
  'library.detail.closeHint': '关闭（Esc）',
  'library.detail.useSettings': '使用这些设置',
  'library.detail.copySettings': '复制提示词和设置',
  'library.detail.favourite': '收藏',
  'library.detail.whatWentWrong': '出了什么问题',
  'library.detail.model': '模型',
  'library.detail.pictures': '图片',
  'library.detail.firstToLast': '从首帧到尾帧',
  'library.detail.take': '条次',
  'library.detail.takeOfShot': '该镜头的第{take}条',
  'library.detail.aspectRatio': '画面比例',
  'library.detail.auto': '自动',
  'library.detail.duration': '时长',
  'library.detail.resolution': '分辨率',
  'library.detail.audio': '音频',
  'library.detail.on': '开',
  'library.detail.off': '关',
  'library.detail.seed': '种子',
  'library.detail.randomSeed': '随机（未返回）',
  'library.detail.negativePrompt': '负面提示词',
  'library.detail.input': '输入',
  'library.detail.video': '视频',
  'library.detail.provider': '服务商',
  'library.detail.cost': '费用',
  'library.detail.imported': '导入时间',
  'library.detail.finished': '完成时间',

  // LibraryDetail: the Cost line (describeCost)
  'library.cost.charged': '{usd, number, ::currency/USD} · 由{provider, select, aggregator {聚合服务} fal {fal.ai} simulator {模拟器} other {{provider}}}扣费',
  'library.cost.chargedOn':
    '{usd, number, ::currency/USD} · 由{provider, select, aggregator {聚合服务} fal {fal.ai} simulator {模拟器} other {{provider}}}于{at}扣费',
  'library.cost.free': '免费——本应花费{usd, number, ::currency/USD}（模拟器）',
  'library.cost.notCharged': '未扣费：服务不对此类失败计费（本应花费{usd, number, ::currency/USD}）',
  'library.cost.notSent': '未扣费：请求从未到达服务',
  'library.cost.imported': '导入：已在来源作品库中付费，此处不计（标价{usd, number, ::currency/USD}）',

  // LibraryDetail: "Copy prompt & settings" text (settingsText)
  'library.copyText.model': '模型：{label}（{id}）',
  'library.copyText.aspectRatio': '画面比例：{value}',
  'library.copyText.duration': '时长：{value}',
  'library.copyText.resolution': '分辨率：{value}',
  'library.copyText.audio': '音频：{on, select, true {开} other {关}}',
  'library.copyText.negativePrompt': '负面提示词：{value}',
  'library.copyText.seed': '种子：{seed}',

  // PlayerTools
  'library.player.label': '播放器',
  'library.player.previousFrame': '上一帧',
  'library.player.previousFrameHint': '上一帧（,）',
  'library.player.nextFrame': '下一帧',
  'library.player.nextFrameHint': '下一帧（.）',
  'library.player.loop': '循环',
  'library.player.loopOn': '循环已开启',
  'library.player.setPoster': '将此帧设为封面',
  'library.player.theatre': '影院模式',
  'library.player.theatreHint': '影院模式（T）',
  'library.player.leaveTheatre': '退出影院模式',
  'library.player.leaveTheatreHint': '退出影院模式（T 或 Esc）',
  'library.player.posterFailed': '无法设置封面',
  'library.player.posterSet': '封面已设置：作品库将显示此帧',
  'library.player.frameFailed': '无法截取此帧',

  // TakesPanel, TakeActions
  'library.takes.label': '该镜头的各条',
  'library.takes.item':
    '第{take}条 · {state, select, submitting {提交中} queued {排队中} running {生成中} downloading {下载中} completed {已完成} failed {失败} cancelled {已取消} other {{state}}}',
  'library.takes.itemSeed':
    '第{take}条 · 种子{seed} · {state, select, submitting {提交中} queued {排队中} running {生成中} downloading {下载中} completed {已完成} failed {失败} cancelled {已取消} other {{state}}}',
  'library.takes.another': '再来一条',
  'library.takes.anotherWithSeed': '用此种子再来一条',
  'library.takes.started': '第{take}条已开始',
  'library.takes.startedWithSeed': '第{take}条已开始，种子{seed}',
  'library.takes.openFinal': '打开成片',
  'library.takes.makeFinal': '用 {model} 生成成片',
  'library.takes.finalStarted': '已开始用 {model} 生成成片',

  // FileActions
  'library.file.download': '下载视频',
  'library.file.saveAs': '视频另存为…',
  'library.file.showInFolder': '在文件夹中显示',
  'library.file.saveFailed': '无法保存视频',
  'library.file.showFailed': '无法显示文件',
  'library.file.saved': '视频已保存',

  // SpendSummary
  'library.spend.label': '花费',
  'library.spend.today': '今日花费',
  'library.spend.thisMonth': '本月',
  'library.spend.total': '总计',
  'library.spend.simulator': '模拟器',
  'library.spend.free': '免费——{count, plural, other {#个任务}}本应花费{usd, number, ::currency/USD}',
  'library.spend.breakdown': '按日和按月的花费（按实际扣费，以当日价格计）',
  'library.spend.byMonth': '按月',
  'library.spend.byDay': '按日',
  'library.spend.month': '月份',
  'library.spend.day': '日期',
  'library.spend.jobs': '任务数',
  'library.spend.charged': '已扣费',

  // JobLog
  'library.log.toggle': '日志（{count, plural, other {#行}}）',
  'library.log.empty': '服务未发送此任务的日志。',
  'library.log.lines': '日志行',
  'library.log.copy': '复制日志',
  'library.log.copied': '日志已复制',

  // library-deletion, library-store (toasts)
  'library.delete.failedOne': '无法删除该任务',
  'library.delete.failedSome': '{count}个任务中有{failed}个无法删除',
  'library.delete.deleted': '{count, plural, other {已删除#个任务}}',
  'library.delete.nothingToUndo': '没有可撤销的操作',
  'library.delete.nothingToUndoText': '没有等待恢复的已删除任务。',
  'library.delete.alreadyBack': '该任务已重新回到作品库（删除后又被导入）。',
  'library.delete.restoreFailed': '无法恢复该任务',
  'library.favouriteFailed': '无法更新收藏',

  // sidecar-restore
  'library.sidecar.failed': '无法恢复这些设置',
  'library.sidecar.restored': '设置已恢复',
  'library.sidecar.loadedFrom': '已从{name}载入。',
  'library.sidecar.loadedFromSidecar': '已从附属文件载入。',
};
