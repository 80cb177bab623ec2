import type { Translation } from '../catalog-types';
import type { desktop as en } from '../en/desktop';

export const desktop: Translation<typeof en> = {
  // menu.ts: top-level menus
  'desktop.menu.file': '文件',
  'desktop.menu.edit': '编辑',
  'desktop.menu.view': '视图',
  'desktop.menu.window': '窗口',
  'desktop.menu.help': '帮助',
  // menu.ts: our own items
  'desktop.menu.settingsEllipsis': '设置…',
  'desktop.menu.openImage': '打开图片…',
  'desktop.menu.generate': '生成',
  'desktop.menu.openDataFolder': '打开数据文件夹',
  'desktop.menu.undoDelete': '撤销删除',
  'desktop.menu.findInLibrary': '在作品库中查找',
  'desktop.menu.create': '创作',
  'desktop.menu.library': '作品库',
  'desktop.menu.settings': '设置',
  'desktop.menu.jobsPanel': '任务面板',
  'desktop.menu.aboutModel': '关于 Veo 3 模型',
  // menu.ts / context-menu.ts: role items
  'desktop.role.about': '关于 {appName}',
  'desktop.role.services': '服务',
  'desktop.role.hide': '隐藏 {appName}',
  'desktop.role.hideOthers': '隐藏其他',
  'desktop.role.unhide': '全部显示',
  'desktop.role.quit': '退出',
  'desktop.role.quitApp': '退出 {appName}',
  'desktop.role.undo': '撤销',
  'desktop.role.redo': '重做',
  'desktop.role.cut': '剪切',
  'desktop.role.copy': '复制',
  'desktop.role.paste': '粘贴',
  'desktop.role.pasteAndMatchStyle': '粘贴并匹配样式',
  'desktop.role.delete': '删除',
  'desktop.role.selectAll': '全选',
  'desktop.role.reload': '重新加载',
  'desktop.role.forceReload': '强制重新加载',
  'desktop.role.toggleDevTools': '切换开发者工具',
  'desktop.role.resetZoom': '实际大小',
  'desktop.role.zoomIn': '放大',
  'desktop.role.zoomOut': '缩小',
  'desktop.role.toggleFullScreen': '切换全屏',
  'desktop.role.minimize': '最小化',
  'desktop.role.zoom': '缩放',
  'desktop.role.close': '关闭',
  'desktop.role.front': '前置全部窗口',
  // context-menu.ts
  'desktop.context.noGuesses': '无拼写建议',
  'desktop.context.addToDictionary': '添加到词典',
  'desktop.context.copyImage': '复制图片',
  // job-activity.ts: notifications
  'desktop.notify.ready': '视频已生成',
  'desktop.notify.failed': '视频生成失败',
  'desktop.notify.failedReason': '任务失败。',
  // page-recovery.ts
  'desktop.recovery.title': 'Veo Studio 窗口反复加载失败',
  'desktop.recovery.detail':
    '{problem, select, crashed {窗口页面已停止运行（{reason}，退出码 {exitCode}）} other {窗口页面无法加载（{url}：{reason}）}}，已连续 {times} 次。你的作品库和正在运行的任务不受影响：它们不在窗口中。请点“重新加载”；如果仍然失败，请退出并重新启动 Veo Studio（可能是拖入的图片过大，请换一张小一些的）。',
  'desktop.recovery.reload': '重新加载',
  'desktop.recovery.quit': '退出 Veo Studio',
  // lifecycle.ts
  'desktop.startup.failed': 'Veo Studio 无法启动',
  // open-image-dialog.ts
  'desktop.dialog.openImage': '打开图片',
  'desktop.dialog.open': '打开',
  'desktop.dialog.imagesFilter': '图片（PNG、JPEG、WebP）',
  // native-platform.ts
  'desktop.dialog.saveVideoAs': '视频另存为',
  'desktop.dialog.mp4Filter': 'MP4 视频',
  'desktop.dialog.exportTitle': '将作品库导出到文件夹',
  'desktop.dialog.exportButton': '导出到此处',
  'desktop.dialog.importTitle': '从文件夹导入作品库',
  'desktop.dialog.importButton': '导入',
  'desktop.saveAs.failed':
    '无法将视频保存到 {path}（{why, select, permission {没有权限} diskFull {磁盘已满} unknown {复制失败} other {{errno}}}）。',
};
