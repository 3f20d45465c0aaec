// electron-builder cannot run here (no Electron download), so its configuration is checked the way
// electron-builder itself would: against its JSON schema, with the same validator it uses.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

interface Ajv {
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown[] | null };
}
type AjvConstructor = new (options: Record<string, unknown>) => Ajv;

// js-yaml and ajv come with electron-builder; resolved from app-builder-lib as electron-builder does.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const ajvModule = builderRequire('ajv') as AjvConstructor | { default: AjvConstructor };
const AjvClass = 'default' in ajvModule ? ajvModule.default : ajvModule;

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

function targets(platform: string): string[] {
  const section = config[platform] as { target?: unknown } | undefined;
  return (section?.target as string[] | undefined) ?? [];
}

describe('electron-builder.yml', () => {
  it('validates against electron-builder’s own schema', () => {
    const schema = builderRequire('./scheme.json') as unknown;
    const validate = new AjvClass({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app and builds every promised target', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Omnicast');
    expect(config.productName).toBe(pkg.productName);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect((config.linux as { category?: string }).category).toBe('Office');
  });

  it('unpacks and rebuilds the native modules', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    const deps = Object.keys(pkg.dependencies as Record<string, string>);
    expect(deps).toEqual(expect.arrayContaining(['better-sqlite3', 'keytar']));
    // `npm run dist` runs install-app-deps first so native modules match Electron's ABI.
    expect((pkg.scripts as Record<string, string>).dist).toMatch(/electron-builder install-app-deps/);
  });

  it('references files that exist and ships the built entry points', () => {
    const resources = (config.directories as { buildResources: string }).buildResources;
    const icon = readFileSync(join(root, resources, 'icon.png'));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    // electron-builder needs at least 512×512 to derive the macOS icon.
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    for (const platform of ['linux', 'win', 'mac']) {
      expect(existsSync(join(root, (config[platform] as { icon: string }).icon)), platform).toBe(true);
    }
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
    const files = config.files as string[];
    expect(files).toContain('package.json');
    expect(files.some((pattern) => pattern.startsWith('dist/'))).toBe(true);
    // The main field, preload and renderer all live under dist/ — the build writes them there.
    const build = readFileSync(join(root, 'scripts', 'build-main.mjs'), 'utf8');
    expect(build).toContain("'electron-main': 'main/electron/main.ts'");
    expect(build).toContain("preload: 'main/electron/preload.ts'");
  });
});
