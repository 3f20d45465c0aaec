// The fuses electron-builder flips in the packaged binary. Checked through electron-builder's own
// translation of the YAML into @electron/fuses' wire, so a misspelt key or a fuse added by a future
// Electron cannot pass unnoticed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));

type FuseWire = Record<string, boolean | string | undefined>;
// app-builder-lib loads its config reader through jiti, which would otherwise leave a compile cache
// in the temp directory: this test reads the YAML itself and needs no cache.
process.env.JITI_FS_CACHE = 'false';
const { PlatformPackager } = builderRequire('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<FuseWire> } };
};
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
  it('sets every fuse, each to its safe value', async () => {
    expect(config.electronFuses).toBeTypeOf('object');
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    const names = Object.keys(FuseV1Options).filter((key) => !/^\d+$/.test(key));
    expect(names.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const name of names) expect(wire[String(FuseV1Options[name])], name).toBe(EXPECTED[name]);
  });

  it('packs the app into an asar, which the integrity and asar-only fuses rely on', () => {
    expect(config.asar).toBe(true);
  });
});
