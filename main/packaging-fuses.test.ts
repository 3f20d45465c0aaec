// The fuses electron-builder flips in the packaged binary. Every fuse @electron/fuses knows must be
// set, under the key electron-builder reads for it (its FuseV1Options name, lower camel case; the
// schema check in packaging.test.ts refuses unknown keys), so a fuse added by a future Electron
// cannot pass unnoticed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));

const { FuseV1Options } = builderRequire('@electron/fuses') as { FuseV1Options: Record<string, number> };
const yaml = require('js-yaml') as { load(text: string): unknown };

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  electronFuses?: unknown;
  asar?: unknown;
};

/** Every fuse this Electron knows of, by name, and the value the package must have. */
const EXPECTED: Record<string, boolean> = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

describe('electron-builder.yml fuses', () => {
  it('sets every fuse, each to its safe value', () => {
    const fuses = config.electronFuses as Record<string, unknown>;
    expect(fuses).toBeTypeOf('object');
    const names = Object.keys(FuseV1Options).filter((key) => !/^\d+$/.test(key));
    expect(names.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const name of names) {
      const key = name[0]!.toLowerCase() + name.slice(1);
      expect(fuses[key], key).toBe(EXPECTED[name]);
    }
    // Nothing else: a misspelt key would be a fuse left at Electron's default.
    expect(Object.keys(fuses).length).toBe(names.length);
  });

  it('packs the app into an asar, which the integrity and asar-only fuses rely on', () => {
    expect(config.asar).toBe(true);
  });
});
