import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { NOT_BUILT_MESSAGE } from '../web/static-files';
import { APP_URL, appResponse } from './app-content';
import { builtRenderer } from '../testing/built-renderer';
import { tempDir } from '../testing/temp-dir';

let dir: string;
beforeAll(() => {
  dir = builtRenderer('omnicast-app', { name: 'index-abc.js', text: 'export {}' }).dir;
});

describe('appResponse', () => {
  it('serves the page with the strict CSP', async () => {
    const response = await appResponse(dir, APP_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Omnicast</title>');
  });

  it('serves module scripts as JavaScript', async () => {
    const response = await appResponse(dir, 'omnicast://app/assets/index-abc.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never leaves the renderer folder or answers for another host', async () => {
    for (const url of [
      'omnicast://app/..%2fsecret.txt',
      'omnicast://app/assets/%2e%2e%5csecret.txt',
      'omnicast://other/index.html',
    ]) {
      const response = await appResponse(dir, url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('says so when the interface is not built', async () => {
    const response = await appResponse(tempDir('omnicast-empty'), APP_URL);
    expect(await response.text()).toBe(NOT_BUILT_MESSAGE);
  });
});
