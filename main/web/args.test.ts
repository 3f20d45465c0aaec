import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../paths';
import { parseWebHostArgs, UsageError } from './args';

describe('parseWebHostArgs', () => {
  it('takes --port and --data-dir relative to the working folder', () => {
    expect(parseWebHostArgs(['--port', '0', '--data-dir', 'data'], {}, '/home/ann')).toEqual({
      port: 0,
      dataDir: '/home/ann/data',
    });
  });

  it('falls back to OMNICAST_DATA_DIR, then the desktop folder, and leaves the port to the default', () => {
    expect(parseWebHostArgs([], { OMNICAST_DATA_DIR: '/srv/o' }, '/')).toEqual({
      port: undefined,
      dataDir: '/srv/o',
    });
    expect(parseWebHostArgs([], {}, '/').dataDir).toBe(defaultDataDir());
  });

  it('rejects a bad port and unknown options', () => {
    expect(() => parseWebHostArgs(['--port', 'abc'], {}, '/')).toThrow(UsageError);
    expect(() => parseWebHostArgs(['--port', '70000'], {}, '/')).toThrow(UsageError);
    expect(() => parseWebHostArgs(['--host', '0.0.0.0'], {}, '/')).toThrow(UsageError);
  });
});
