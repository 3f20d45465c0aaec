// The sandboxed preload: exposes exactly the RawBridge of the contract, never ipcRenderer itself.
// Bundled alone (scripts/build-main.mjs), so it imports only the import-free names module.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Envelope, RawBridge } from '../../shared/contract';
import { isCallName, isEventName } from '../../shared/contract/names';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

const bridge: RawBridge = {
  invoke(name, args) {
    if (!isCallName(name))
      return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: 'Unknown call.' } });
    return ipcRenderer.invoke(CALL_CHANNEL, name, args) as Promise<Envelope<unknown>>;
  },
  subscribe(name, listener) {
    if (!isEventName(name)) throw new Error(`Unknown event: ${name}`);
    // The IPC event object (with its sender) never reaches the page: only the payload does.
    const forward = (_event: IpcRendererEvent, eventName: unknown, payload: unknown): void => {
      if (eventName === name) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('omnicastBridge', bridge);
