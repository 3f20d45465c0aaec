import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedAppUrl } from './trusted-url';

const APP = 'omnicast://app/index.html';

describe('isTrustedAppUrl', () => {
  it('trusts any page of the app scheme and host', () => {
    expect(isTrustedAppUrl('omnicast://app/index.html', APP)).toBe(true);
    expect(isTrustedAppUrl('omnicast://app/index.html#/campaigns/3', APP)).toBe(true);
    expect(isTrustedAppUrl('omnicast://app/', APP)).toBe(true);
  });

  it('distrusts other schemes, hosts, look-alikes and garbage', () => {
    for (const url of [
      'https://app/index.html',
      'omnicast://evil/index.html',
      'omnicast://app.evil.com/index.html',
      'omnicast://user:pw@app/index.html',
      'file:///work/main/dist/renderer/index.html',
      'about:blank',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      expect(isTrustedAppUrl(url, APP), url).toBe(false);
    }
  });

  it('with a file:// app, trusts only that very file', () => {
    const fileApp = 'file:///opt/Omnicast/dist/renderer/index.html';
    expect(isTrustedAppUrl('file:///opt/Omnicast/dist/renderer/index.html#/x', fileApp)).toBe(true);
    expect(isTrustedAppUrl('file:///tmp/evil.html', fileApp)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts https links only', () => {
    expect(isSafeExternalUrl('https://messente.com/documentation')).toBe(true);
    for (const url of [
      'http://messente.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pass@messente.com',
      'https:',
      'nonsense',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
