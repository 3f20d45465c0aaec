import { describe, expect, it } from 'vitest';
import { apiUrlProblem, isLoopbackHost } from './api-url';

describe('apiUrlProblem', () => {
  it('accepts https anywhere and plain http on this computer only', () => {
    for (const ok of [
      'https://api.messente.com/v1',
      'https://proxy.example:8443/v1/',
      'http://127.0.0.1:4010/v1',
      'http://127.3.2.1/v1',
      'http://localhost:4010/v1',
      'http://[::1]:4010/v1',
      '  https://api.messente.com/v1  ',
    ]) {
      expect(apiUrlProblem(ok), ok).toBeNull();
    }
  });

  it('refuses plain http to another computer, saying the password would travel unencrypted', () => {
    for (const bad of [
      'http://api.messente.com/v1',
      'http://192.168.1.5/v1',
      'http://127.0.0.1.evil.example/v1',
    ]) {
      expect(apiUrlProblem(bad), bad).toMatch(/^Use an https:\/\/ address.*travel unencrypted/);
    }
  });

  it('refuses a user name or password in the address, even over https', () => {
    for (const bad of [
      'https://u:p@api.messente.com/v1',
      'https://u@api.messente.com/v1',
      'http://u:p@127.0.0.1/v1',
    ]) {
      expect(apiUrlProblem(bad), bad).toMatch(/^Leave the user name and password out of the address/);
    }
  });

  it('refuses what is not a web address', () => {
    for (const bad of [
      '',
      'not a url',
      'ftp://api.messente.com/v1',
      'file:///etc/passwd',
      'api.messente.com/v1',
    ]) {
      expect(apiUrlProblem(bad), bad).toMatch(/^Enter a web address starting with https:\/\//);
    }
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('localhost.example')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});
