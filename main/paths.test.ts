import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './paths';

describe('defaultDataDir', () => {
  it('uses $XDG_CONFIG_HOME on Linux when it is set', () => {
    expect(
      defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x/conf' }, home: '/home/ann' }),
    ).toBe('/x/conf/Omnicast');
  });

  it('falls back to ~/.config on Linux, ignoring a relative XDG_CONFIG_HOME as the spec says', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/ann' })).toBe(
      '/home/ann/.config/Omnicast',
    );
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' }, home: '/home/ann' })).toBe(
      '/home/ann/.config/Omnicast',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/ann' })).toBe(
      '/Users/ann/Library/Application Support/Omnicast',
    );
  });

  it('uses %APPDATA% on Windows', () => {
    expect(
      defaultDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        home: 'C:\\Users\\ann',
      }),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Omnicast');
  });

  it('answers for the running machine without arguments', () => {
    expect(defaultDataDir()).toMatch(/Omnicast$/);
  });
});
