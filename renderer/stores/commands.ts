// The renderer's one dispatcher for shell commands (menu items, notification clicks). It switches
// over the contract's APP_COMMANDS exhaustively: a command added there and not handled here does
// not compile.
import { assertNever } from '../../shared/assert-never';
import type { EventPayload } from '../../shared/contract';
import type { Stores } from './index';
import { keyReadiness } from './settings-store';

export function runCommand(stores: Stores, { command, jobId }: EventPayload<'app:command'>): void {
  const app = stores.app.getState();
  switch (command) {
    case 'view:create':
      return app.setView('create');
    case 'view:library':
      return app.setView('library');
    case 'view:settings':
      return app.setView('settings');
    case 'view:toggle-jobs':
      return app.toggleJobsPanel();
    case 'focus:search':
      return app.requestSearchFocus();
    case 'file:open-image':
      return app.requestChooseImage();
    case 'job:generate': {
      // The same path as the Generate button and ⌘/Ctrl+Enter: the spend guard decides.
      app.setView('create');
      const provider = app.info?.provider ?? stores.settings.getState().settings?.provider;
      void stores.spendGuard.getState().requestGenerate(keyReadiness(provider, stores.settings.getState().keys));
      return;
    }
    case 'edit:undo-delete':
      void stores.library.getState().undoLastDelete();
      return;
    case 'job:open':
      if (!jobId) return;
      app.setView('library');
      void stores.library.getState().select(jobId);
      return;
    default:
      return assertNever(command, 'app command');
  }
}
