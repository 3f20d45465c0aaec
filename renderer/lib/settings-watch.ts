// Settings shown in more than one place (the test-mode banner beside the screen that changes it)
// must change everywhere at once. Every settings answer passes through here on its way to the
// screen that asked, and is handed to the window as well.
import type { OmnicastApi } from '../../shared/contract';
import type { Settings } from '../../shared/types';

/** The same client, telling `onSettings` about every settings answer (read or saved). */
export function watchSettings(api: OmnicastApi, onSettings: (settings: Settings) => void): OmnicastApi {
  return {
    async call(name, args) {
      const result = await api.call(name, args);
      if (name === 'settings.get' || name === 'settings.update') onSettings(result as Settings);
      return result;
    },
    on: (name, listener) => api.on(name, listener),
  };
}
