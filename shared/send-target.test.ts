import { describe, expect, it } from 'vitest';
import { targetWords } from './send-target';

describe('targetWords', () => {
  it('names test mode, Messente (with or without a trailing slash) and a custom URL', () => {
    expect(targetWords(true, 'https://proxy.example/v1')).toBe(
      'the test simulator (nothing leaves this computer)',
    );
    expect(targetWords(false, 'https://api.messente.com/v1/')).toBe('Messente');
    expect(targetWords(false, null)).toBe('Messente');
    expect(targetWords(false, 'http://127.0.0.1:4010/v1')).toBe(
      'the custom API URL http://127.0.0.1:4010/v1',
    );
  });
});
