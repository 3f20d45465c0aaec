import { describe, expect, it } from 'vitest';
import { singleBraceHints } from './template-hints';

describe('singleBraceHints', () => {
  const columns = ['First name', 'phone', 'City'];

  it('finds {column} in single braces, whatever its case', () => {
    expect(singleBraceHints('Hi {First name}, see you in {city}!', columns)).toEqual([
      { text: '{First name}', column: 'First name', index: 3 },
      { text: '{city}', column: 'City', index: 28 },
    ]);
  });

  it('leaves merge fields, fallbacks and braces that name no column alone', () => {
    expect(singleBraceHints('Hi {{First name}} {{City|there}} {smile} {{phone}', columns)).toEqual([]);
  });
});
