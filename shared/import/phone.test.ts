import { describe, it, expect } from 'vitest';
import { normalizePhone, REASON_SCIENTIFIC } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['+372 5123 4567', 'EE', '+37251234567'],
    ['5123 4567', 'EE', '+37251234567'],
    ['0037251234567', 'EE', '+37251234567'],
    ['(+372) 512-345.67', 'EE', '+37251234567'],
    ['+372\u00a05123\u00a04567', 'EE', '+37251234567'],
    ['040 123 4567', 'FI', '+358401234567'],
    ['+358 40 123 4567', 'EE', '+358401234567'],
    ['(201) 555-0123', 'US', '+12015550123'],
    ['07400 123456', 'GB', '+447400123456'],
    ['+44 7400 123456', 'EE', '+447400123456'],
    ['  +37251234567  ', 'EE', '+37251234567'],
    ["'+37251234567", 'EE', '+37251234567'],
    ['\u2019+372 5123 4567', 'EE', '+37251234567'],
    ['tel: +372 5123 4567', 'EE', '+37251234567'],
    ['TEL:+37251234567', 'EE', '+37251234567'],
    ['sms:+358401234567', 'EE', '+358401234567'],
    ['00358 40 123 4567', 'EE', '+358401234567'],
    ['\uff0b372 5123 4567', 'EE', '+37251234567'],
    ['+1 (201) 555-0123', 'EE', '+12015550123'],
    ["'040 123 4567", 'FI', '+358401234567'],
  ])('%s (%s) → %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['12', 'EE', 'Too short'],
    ['+372 5123 4567 8901 23', 'EE', 'Too long'],
    ['+372 1234 567', 'EE', 'Not a valid number for Estonia'],
    ['1234567', 'EE', 'Not a valid number for Estonia'],
    ['call me', 'EE', 'Not a phone number'],
    [
      '5123 4567 ext 3',
      'EE',
      'Has an extension (ext. 3): a text message cannot reach an extension; write the mobile number alone to send',
    ],
    [
      '+1 (201) 555-0123 x 45',
      'EE',
      'Has an extension (ext. 45): a text message cannot reach an extension; write the mobile number alone to send',
    ],
    [
      'tel:+37251234567;ext=9',
      'EE',
      'Has an extension (ext. 9): a text message cannot reach an extension; write the mobile number alone to send',
    ],
    [
      '+372 1234 567 extension 12',
      'EE',
      'Has an extension (ext. 12): a text message cannot reach an extension; not a valid number for Estonia',
    ],
    ["'call me", 'EE', 'Not a phone number'],
    ['', 'EE', 'No phone number'],
    ['3.72512E+10', 'EE', REASON_SCIENTIFIC],
    ['3,72512e+10', 'EE', REASON_SCIENTIFIC],
  ])('%s (%s) is refused: %s', (raw, country, reason) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: false, reason });
  });

  it('gives the same answer from the cache the second time', () => {
    const first = normalizePhone('+372 1234 567', 'EE');
    expect(normalizePhone('+372 1234 567', 'EE')).toEqual(first);
  });
});

describe('fast path agrees with libphonenumber-js', () => {
  it('for thousands of Estonian, Finnish and Latvian numbers, national and international', async () => {
    const { parsePhoneNumberFromString } = await import('libphonenumber-js/core');
    const metadata = (await import('libphonenumber-js/metadata.max.json')).default;
    const { createFastPhone } = await import('./phone-fast');
    const fast = createFastPhone(metadata);
    let checked = 0;
    for (let i = 0; i < 4000; i++) {
      const digits = String((i * 2654435761) % 1e9).padStart(9, '0');
      for (const [country, nsn] of [
        ['EE', digits.slice(0, 7 + (i % 2))],
        ['FI', digits],
        ['LV', digits.slice(0, 8)],
      ] as const) {
        const library = parsePhoneNumberFromString(nsn, country, metadata);
        const expected = library?.isValid() ? library.number : null;
        const national = fast.national(nsn, country);
        if (national !== null) expect(national).toBe(expected);
        const e164 = `+${library?.countryCallingCode ?? ''}${nsn}`;
        const viaLibrary = parsePhoneNumberFromString(e164, metadata);
        const international = fast.international(e164);
        if (international !== null)
          expect(international).toBe(viaLibrary?.isValid() ? viaLibrary.number : null);
        if (national !== null || international !== null) checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
