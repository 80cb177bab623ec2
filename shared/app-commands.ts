// Each app command's keyboard shortcut, written once. The desktop menu shows (and registers) these
// accelerators; the renderer's window key map answers the same keys, because the browser host has
// no menu; the README lists them. A command added to APP_COMMANDS without an entry here is a compile
// error.
import type { AppCommand } from './contract';

export interface AppCommandKeys {
  /** Electron accelerator syntax, always `CmdOrCtrl+<key>` (⌘ on macOS, Ctrl elsewhere). */
  accelerator?: `CmdOrCtrl+${string}`;
  /**
   * One view handles the key itself (⌘/Ctrl+Enter must work inside the prompt field and only on
   * Create): the menu shows it without registering it, and the window key map leaves it alone.
   */
  viewOwned?: true;
  /**
   * Inside a text field the key keeps its usual meaning (⌘/Ctrl+Z undoes typing): the menu shows it
   * without registering it, and the window key map answers it only outside text fields.
   */
  notInTextFields?: true;
}

export const APP_COMMAND_KEYS = {
  'view:create': { accelerator: 'CmdOrCtrl+1' },
  'view:library': { accelerator: 'CmdOrCtrl+2' },
  'view:settings': { accelerator: 'CmdOrCtrl+3' },
  'focus:search': { accelerator: 'CmdOrCtrl+F' },
  // As in VS Code; the browser's own Ctrl+J (downloads) gives way to a page that handles it.
  'view:toggle-jobs': { accelerator: 'CmdOrCtrl+J' },
  'file:open-image': { accelerator: 'CmdOrCtrl+O' },
  'job:generate': { accelerator: 'CmdOrCtrl+Enter', viewOwned: true },
  'edit:undo-delete': { accelerator: 'CmdOrCtrl+Z', notInTextFields: true },
  // Needs a job id: sent by notification clicks, never by a key.
  'job:open': {},
} as const satisfies Record<AppCommand, AppCommandKeys>;

/** The `KeyboardEvent.key` an accelerator answers to, lower-cased ("CmdOrCtrl+O" → "o"). */
export function acceleratorKey(accelerator: string): string {
  return accelerator.slice(accelerator.lastIndexOf('+') + 1).toLowerCase();
}

/** The command the window key map runs for ⌘/Ctrl+`key` (no Shift, no Alt), if any. */
export function windowCommandForKey(key: string, inTextField = false): AppCommand | undefined {
  const wanted = key.toLowerCase();
  for (const [command, keys] of Object.entries(APP_COMMAND_KEYS) as Array<[AppCommand, AppCommandKeys]>) {
    if (!keys.accelerator || keys.viewOwned || (keys.notInTextFields && inTextField)) continue;
    if (acceleratorKey(keys.accelerator) === wanted) return command;
  }
  return undefined;
}
