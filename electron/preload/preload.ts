// The preload: exposes `window.veo` and nothing else. Bundled into one CommonJS file
// (dist/preload/preload.cjs) because a sandboxed preload can require only 'electron'.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildVeoApi } from './api';

contextBridge.exposeInMainWorld('veo', buildVeoApi(ipcRenderer, webUtils));
