// IPC channel names shared by the main process and the preload. Free of imports so the sandboxed
// preload bundle stays tiny.
export const CALL_CHANNEL = 'omnicast:call';
export const EVENT_CHANNEL = 'omnicast:event';
