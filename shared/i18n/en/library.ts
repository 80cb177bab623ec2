import type { Catalog } from '../catalog-types';

// The Library: grid, cards, toolbar, detail, player, takes, files, export/import, spend, log, deletion.
// Selects over ids (provider, state) keep params as data: the words are here, per language.
export const library = {
  // LibraryView
  'library.view.title': 'Library',

  // LibraryToolbar
  'library.toolbar.searchPlaceholder': 'Search prompts',
  'library.toolbar.searchLabel': 'Search library',
  'library.toolbar.clearSearch': 'Clear search',
  'library.toolbar.searchShortcut': '{mod}F',
  'library.toolbar.filterLabel': 'Filter by state',
  'library.toolbar.chipInProgress': 'In progress',
  'library.toolbar.chipCompleted': 'Completed',
  'library.toolbar.chipFailed': 'Failed',
  'library.toolbar.chipCancelled': 'Cancelled',
  'library.toolbar.favourites': 'Favourites',
  'library.toolbar.sortLabel': 'Sort',
  'library.toolbar.newestFirst': 'Newest first',
  'library.toolbar.oldestFirst': 'Oldest first',

  // LibraryGrid
  'library.grid.label': 'Library items',
  'library.grid.readFailed': 'The library could not be read',
  'library.grid.noResults': 'No results for “{search}”',
  'library.grid.noMatch': 'No jobs match these filters',
  'library.grid.clearFilters': 'Clear search and filters',
  'library.grid.filteredHint': 'Try fewer words, or another state.',
  'library.grid.emptyTitle': 'No videos yet',
  'library.grid.emptyAction': 'Create your first video',
  'library.grid.emptyText': 'Every job you start lands here — playable offline, searchable by prompt.',

  // LibraryCard, CardCheck
  'library.card.favourite': 'Favourite',
  'library.card.addFavourite': 'Add to favourites',
  'library.card.removeFavourite': 'Remove from favourites',
  'library.card.check': 'Select: {prompt}',

  // SelectionBar
  'library.selection.label': 'Selected jobs',
  'library.selection.hint': 'Click cards to select them',
  'library.selection.count': '{count} selected',
  'library.selection.favourite': 'Favourite selected',
  'library.selection.unfavourite': 'Unfavourite selected',
  'library.selection.delete': 'Delete selected',
  'library.selection.clear': 'Clear selection',
  'library.selection.done': 'Done',

  // PortableActions
  'library.portable.label': 'Export and import',
  'library.portable.selectHint': 'Check cards to export, favourite or delete; Space checks the focused card, {mod}A checks all',
  'library.portable.select': 'Select',
  'library.portable.selecting': 'Selecting ({count})',
  'library.portable.exportSelectionLabel': 'Export selection…',
  'library.portable.exportSelection': '{count, plural, =0 {Export selection…} other {Export selection… (#)}}',
  'library.portable.exportAll': 'Export all…',
  'library.portable.nothingToExport': 'The library is empty: nothing to export yet',
  'library.portable.import': 'Import…',
  'library.portable.exportTitle': 'Export library',
  'library.portable.importTitle': 'Import library',
  'library.portable.exportSelectedText':
    'Copies {count, plural, one {# selected job} other {# selected jobs}} — videos, input pictures and an index — into a folder on the computer running Veo Studio. Use an empty or new folder.',
  'library.portable.exportAllText':
    'Copies the whole library — videos, input pictures and an index — into a folder on the computer running Veo Studio. Use an empty or new folder.',
  'library.portable.importText': 'Merges a folder exported by Veo Studio into this library. Jobs already here are skipped.',
  'library.portable.folderPath': 'Folder path',
  'library.portable.exportButton': 'Export',
  'library.portable.importButton': 'Import',

  // portable-store (toasts)
  'library.portable.exporting': 'Exporting…',
  'library.portable.importing': 'Importing…',
  'library.portable.exportFailed': 'Export failed',
  'library.portable.importFailed': 'Import failed',
  'library.portable.exported': 'Exported {count, plural, one {# job} other {# jobs}} to {dest}',
  'library.portable.imported': 'Imported {imported}',
  'library.portable.importedSkipped': 'Imported {imported}, skipped {skipped} already in the library',
  'library.portable.problems': '{count, plural, one {# job} other {# jobs}} could not be included.',

  // LibraryDetail
  'library.detail.label': 'Job details',
  'library.detail.copied': 'Prompt and settings copied',
  'library.detail.copyFailed': 'Could not copy',
  'library.detail.player': 'Video player',
  'library.detail.close': 'Close details',
  'library.detail.closeHint': 'Close (Esc)',
  'library.detail.useSettings': 'Use these settings',
  'library.detail.copySettings': 'Copy prompt & settings',
  'library.detail.favourite': 'Favourite',
  'library.detail.whatWentWrong': 'What went wrong',
  'library.detail.model': 'Model',
  'library.detail.pictures': 'Pictures',
  'library.detail.firstToLast': 'From the first picture to a last frame',
  'library.detail.take': 'Take',
  'library.detail.takeOfShot': 'Take {take} of its shot',
  'library.detail.aspectRatio': 'Aspect ratio',
  'library.detail.auto': 'Auto',
  'library.detail.duration': 'Duration',
  'library.detail.resolution': 'Resolution',
  'library.detail.audio': 'Audio',
  'library.detail.on': 'On',
  'library.detail.off': 'Off',
  'library.detail.seed': 'Seed',
  'library.detail.randomSeed': 'Random (not reported)',
  'library.detail.negativePrompt': 'Negative prompt',
  'library.detail.input': 'Input',
  'library.detail.video': 'Video',
  'library.detail.provider': 'Provider',
  'library.detail.cost': 'Cost',
  'library.detail.imported': 'Imported',
  'library.detail.finished': 'Finished',

  // LibraryDetail: the Cost line (describeCost)
  'library.cost.charged':
    '{usd, number, ::currency/USD} · charged by {provider, select, aggregator {Aggregator} fal {fal.ai} simulator {Simulator} other {{provider}}}',
  'library.cost.chargedOn':
    '{usd, number, ::currency/USD} · charged by {provider, select, aggregator {Aggregator} fal {fal.ai} simulator {Simulator} other {{provider}}} on {at}',
  'library.cost.free': 'free — would cost {usd, number, ::currency/USD} (simulator)',
  'library.cost.notCharged': 'Not charged: the service does not bill this failure (would cost {usd, number, ::currency/USD})',
  'library.cost.notSent': 'Not charged: it never reached the service',
  'library.cost.imported': 'Imported: paid for in the library it came from, not counted here (list price {usd, number, ::currency/USD})',

  // LibraryDetail: "Copy prompt & settings" text (settingsText)
  'library.copyText.model': 'Model: {label} ({id})',
  'library.copyText.aspectRatio': 'Aspect ratio: {value}',
  'library.copyText.duration': 'Duration: {value}',
  'library.copyText.resolution': 'Resolution: {value}',
  'library.copyText.audio': 'Audio: {on, select, true {on} other {off}}',
  'library.copyText.negativePrompt': 'Negative prompt: {value}',
  'library.copyText.seed': 'Seed: {seed}',

  // PlayerTools
  'library.player.label': 'Player',
  'library.player.previousFrame': 'Previous frame',
  'library.player.previousFrameHint': 'Previous frame ( , )',
  'library.player.nextFrame': 'Next frame',
  'library.player.nextFrameHint': 'Next frame ( . )',
  'library.player.loop': 'Loop',
  'library.player.loopOn': 'Loop is on',
  'library.player.setPoster': 'Use this frame as poster',
  'library.player.theatre': 'Theatre mode',
  'library.player.theatreHint': 'Theatre mode (T)',
  'library.player.leaveTheatre': 'Leave theatre mode',
  'library.player.leaveTheatreHint': 'Leave theatre mode (T or Esc)',
  'library.player.posterFailed': 'Could not set the poster',
  'library.player.posterSet': 'Poster set: the Library shows this frame',
  'library.player.frameFailed': 'Could not take this frame',

  // TakesPanel, TakeActions
  'library.takes.label': 'Takes of this shot',
  'library.takes.item':
    'Take {take} · {state, select, submitting {submitting} queued {queued} running {running} downloading {downloading} completed {completed} failed {failed} cancelled {cancelled} other {{state}}}',
  'library.takes.itemSeed':
    'Take {take} · seed {seed} · {state, select, submitting {submitting} queued {queued} running {running} downloading {downloading} completed {completed} failed {failed} cancelled {cancelled} other {{state}}}',
  'library.takes.another': 'Another take',
  'library.takes.anotherWithSeed': 'Another take with this seed',
  'library.takes.started': 'Take {take} started',
  'library.takes.startedWithSeed': 'Take {take} started with seed {seed}',
  'library.takes.openFinal': 'Open final',
  'library.takes.makeFinal': 'Make final with {model}',
  'library.takes.finalStarted': 'Final started with {model}',

  // FileActions
  'library.file.download': 'Download video',
  'library.file.saveAs': 'Save video as…',
  'library.file.showInFolder': 'Show in folder',
  'library.file.saveFailed': 'Could not save the video',
  'library.file.showFailed': 'Could not show the file',
  'library.file.saved': 'Video saved',

  // SpendSummary
  'library.spend.label': 'Spend',
  'library.spend.today': 'Spent today',
  'library.spend.thisMonth': 'This month',
  'library.spend.total': 'Total',
  'library.spend.simulator': 'Simulator',
  'library.spend.free': 'free — {count, plural, one {# job} other {# jobs}} would cost {usd, number, ::currency/USD}',
  'library.spend.breakdown': "Spend by day and month (as charged, at each day's price)",
  'library.spend.byMonth': 'By month',
  'library.spend.byDay': 'By day',
  'library.spend.month': 'Month',
  'library.spend.day': 'Day',
  'library.spend.jobs': 'Jobs',
  'library.spend.charged': 'Charged',

  // JobLog
  'library.log.toggle': 'Log ({count, plural, one {# line} other {# lines}})',
  'library.log.empty': 'The service sent no log lines for this job.',
  'library.log.lines': 'Log lines',
  'library.log.copy': 'Copy log',
  'library.log.copied': 'Log copied',

  // library-deletion, library-store (toasts)
  'library.delete.failedOne': 'Could not delete the job',
  'library.delete.failedSome': 'Could not delete {failed} of {count} jobs',
  'library.delete.deleted': '{count, plural, one {Job deleted} other {# jobs deleted}}',
  'library.delete.nothingToUndo': 'Nothing to undo',
  'library.delete.nothingToUndoText': 'No deleted job is waiting to be restored.',
  'library.delete.alreadyBack': 'That job is in the library again (it was imported since it was deleted).',
  'library.delete.restoreFailed': 'Could not restore the job',
  'library.favouriteFailed': 'Could not update the favourite',

  // sidecar-restore
  'library.sidecar.failed': 'Could not restore these settings',
  'library.sidecar.restored': 'Settings restored',
  'library.sidecar.loadedFrom': 'Loaded from {name}.',
  'library.sidecar.loadedFromSidecar': 'Loaded from the sidecar.',
} as const satisfies Catalog<'library'>;
