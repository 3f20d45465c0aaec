import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

/** The environment facts the user-data folder depends on; tests pass their own. */
export interface PathEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

const PRODUCT_NAME = 'Omnicast';

/**
 * The desktop app's user-data folder, computed the way Electron's `app.getPath('userData')` does
 * for productName "Omnicast", so that the CLI, the web host and the desktop app share one database
 * without the CLI having to load Electron.
 */
export function defaultDataDir(
  pathEnv: PathEnv = { platform: process.platform, env: process.env, home: homedir() },
): string {
  const { platform, env, home } = pathEnv;
  if (platform === 'win32') {
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  // Linux and the BSDs follow the XDG base directory spec, as Electron does.
  const config =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, PRODUCT_NAME);
}
