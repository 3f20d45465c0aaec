// Phone numbers as operators type them, to E.164. The "max" metadata is used everywhere (not "min"):
// it knows each country's mobile and fixed-line ranges, so "+372 1234 567" is refused as invalid for
// Estonia instead of passing on length alone. It costs ~75 KB more in the worker bundle, once.
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/core';
import type { CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import { createFastPhone } from './phone-fast';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

export const REASON_EMPTY = 'No phone number';
export const REASON_NOT_A_NUMBER = 'Not a phone number';
export const REASON_TOO_SHORT = 'Too short';
export const REASON_TOO_LONG = 'Too long';
export const REASON_EXTENSION_PREFIX = 'Has an extension';
export const REASON_SCIENTIFIC =
  'Looks like a number Excel turned into scientific notation (e.g. 3.72512E+10): fix the column format and export again';

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
const CLEAN = /^\+?\d+$/;
// What people put between digits: spaces (also no-break and thin ones), dashes, dots, brackets, slashes.
const SEPARATORS = /[\s\u00a0\u2009\u202f\-\u2010-\u2015.()[\]/]/g;
// Wrappers other tools and habits put around a number: Excel's leading apostrophe (typed to keep the
// "+"), a tel:/sms: link, a full-width "＋" from an East Asian keyboard.
const APOSTROPHE = /^['\u2018\u2019`]+/;
const URI_SCHEME = /^(?:tel|sms|smsto|callto)\s*:\s*/i;
// An extension reaches a desk phone behind a switchboard, never a text message: flagged, not sent.
const EXTENSION = /^(.*?\d[^a-z#]*?)\s*(?:;\s*ext=|,?\s*(?:ext(?:ension)?\.?|x|#)\s*)(\d{1,7})$/i;

const fast = createFastPhone(metadata);
// Only the library's answers are cached: the fast path is cheaper than a map lookup. Bounded so a
// million distinct invalid numbers cannot grow it without limit.
const cache = new Map<string, PhoneResult>();
const CACHE_LIMIT = 100_000;

let regionNames: Intl.DisplayNames | null | undefined;

/** Normalises one phone cell; national numbers are read as numbers of `defaultCountry` (ISO 3166 alpha-2). */
export function normalizePhone(raw: string, defaultCountry: string): PhoneResult {
  const result = phoneOrReason(raw, defaultCountry.toUpperCase());
  return typeof result === 'string' ? { ok: true, e164: result } : result;
}

const EMPTY: PhoneResult = { ok: false, reason: REASON_EMPTY };
const NOT_A_NUMBER: PhoneResult = { ok: false, reason: REASON_NOT_A_NUMBER };
const SCIENTIFIC_NOTATION: PhoneResult = { ok: false, reason: REASON_SCIENTIFIC };

/**
 * The hot path of the importer: the E.164 string itself when valid (no result object per row, which
 * at a million rows is measurable garbage), else the failure. `country` must be upper-case.
 */
export function phoneOrReason(raw: string, country: string): string | { ok: false; reason: string } {
  const value = raw.trim();
  if (value === '') return EMPTY as { ok: false; reason: string };
  let cleaned = value;
  if (!CLEAN.test(cleaned)) {
    // Excel's "3.72512E+10" lost digits for good: flag it, never guess the rest.
    if (SCIENTIFIC.test(cleaned)) return SCIENTIFIC_NOTATION as { ok: false; reason: string };
    cleaned = unwrap(cleaned);
    const extension = EXTENSION.exec(cleaned);
    if (extension) return extensionReason(extension[1] ?? '', extension[2] ?? '', country);
    cleaned = cleaned.replace(SEPARATORS, '');
    if (!CLEAN.test(cleaned)) return NOT_A_NUMBER as { ok: false; reason: string };
  }
  if (cleaned.startsWith('00')) cleaned = `+${cleaned.slice(2)}`;
  const quick =
    cleaned.charCodeAt(0) === 0x2b ? fast.international(cleaned) : fast.national(cleaned, country);
  if (quick !== null) return quick;

  const key = `${country}|${cleaned}`;
  let result = cache.get(key);
  if (!result) {
    result = slowNormalize(cleaned, country);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, result);
  }
  return result.ok ? result.e164 : result;
}

/** The number inside the wrappers people and tools put around it (see APOSTROPHE, URI_SCHEME). */
function unwrap(value: string): string {
  return value
    .replace(APOSTROPHE, '')
    .replace(URI_SCHEME, '')
    .replace(/\uff0b/g, '+')
    .trim();
}

/** A number with an extension is never sent; the reason says whether the number itself is right. */
function extensionReason(number: string, extension: string, country: string): { ok: false; reason: string } {
  const base = phoneOrReason(number, country);
  const what = `${REASON_EXTENSION_PREFIX} (ext. ${extension}): a text message cannot reach an extension`;
  return {
    ok: false,
    reason:
      typeof base === 'string'
        ? `${what}; write the mobile number alone to send`
        : `${what}; ${base.reason.charAt(0).toLowerCase()}${base.reason.slice(1)}`,
  };
}

function slowNormalize(cleaned: string, country: string): PhoneResult {
  const countryCode = country as CountryCode;
  const parsed = parsePhoneNumberFromString(cleaned, countryCode, metadata);
  if (parsed?.isValid()) return { ok: true, e164: parsed.number };
  const length = validatePhoneNumberLength(cleaned, countryCode, metadata);
  if (length === 'TOO_SHORT') return { ok: false, reason: REASON_TOO_SHORT };
  if (length === 'TOO_LONG') return { ok: false, reason: REASON_TOO_LONG };
  if (length === 'NOT_A_NUMBER') return { ok: false, reason: REASON_NOT_A_NUMBER };
  if (length === 'INVALID_COUNTRY') {
    return {
      ok: false,
      reason: cleaned.startsWith('+')
        ? 'Unknown country calling code'
        : `Not a valid number for ${countryName(country)}`,
    };
  }
  return { ok: false, reason: `Not a valid number for ${countryName(parsed?.country ?? country)}` };
}

/** "Estonia" for "EE" where Intl knows region names, else the code itself. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
