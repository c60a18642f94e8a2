/**
 * Runs sandboxed in the window before the page. Exposes exactly two
 * functions; the renderer never sees ipcRenderer or any Node API.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels, type EventFrame } from '../../shared/transport';

export const opsBridge = {
  invoke: (method: string, args: unknown): Promise<unknown> => ipcRenderer.invoke(ipcChannels.invoke, method, args),
  on: (event: string, callback: (payload: unknown) => void): (() => void) => {
    const listener = (_e: IpcRendererEvent, frame: EventFrame) => {
      if (frame && frame.event === event) callback(frame.payload);
    };
    ipcRenderer.on(ipcChannels.event, listener);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, listener);
    };
  },
};

contextBridge.exposeInMainWorld('ops', opsBridge);
