// An exact shortcut for the common case of libphonenumber-js validation. Parsing a number with the
// library costs ~4 µs, which at a million rows is several times the CSV parse itself. Most cells are
// already clean digits of one country, so we read the same "max" metadata once per country, compile
// its patterns, and apply the very test the library's getNumberType() applies (general pattern, then
// a type pattern whose possible lengths include the number's). The shortcut only ever answers "valid";
// anything it is not sure about goes to the library, so it can never accept a number the library
// would refuse.
import { Metadata } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/** The parts of the library's (untyped) runtime metadata API we read. */
interface TypeDefinition {
  pattern(): string | undefined;
  possibleLengths(): number[] | undefined;
}
interface PlanApi {
  callingCode(): string;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  type(name: string): TypeDefinition | undefined;
}
interface MetadataApi {
  selectNumberingPlan(country: string): void;
  numberingPlan: PlanApi;
  hasCountry(country: string): boolean;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
}

interface CompiledPlan {
  callingCode: string;
  general: RegExp;
  types: { pattern: RegExp; lengths: ReadonlySet<number> | null }[];
  /** A national prefix we may strip (a plain digit string such as "0"), or null when none/complex. */
  nationalPrefix: string | null;
  /** False when national prefix rules are too intricate to mirror (transform rules, patterns). */
  nationalFastPath: boolean;
}

export interface FastPhone {
  /** E.164 when the cleaned digits are certainly valid, else null (ask the library). */
  national(digits: string, country: string): string | null;
  /** `e164` is "+" and digits; returns that same string when certainly valid (no copy), else null. */
  international(e164: string): string | null;
}

export function createFastPhone(json: MetadataJson): FastPhone {
  const metadata = new Metadata(json) as unknown as MetadataApi;
  const byCountry = new Map<string, CompiledPlan | null>();
  // Calling code → its single country (null when shared, like +1 or +7, or unknown).
  const byCallingCode = new Map<string, string | null>();
  // The same by the code's digits as a number, per length ([length - 1][value]), for international().
  const codeKinds: (string | undefined)[][] = [[], [], []];

  function plan(country: string): CompiledPlan | null {
    let compiled = byCountry.get(country);
    if (compiled !== undefined) return compiled;
    compiled = metadata.hasCountry(country) ? compile(metadata, country) : null;
    byCountry.set(country, compiled);
    return compiled;
  }

  function countryOfCallingCode(code: string): string | null {
    let country = byCallingCode.get(code);
    if (country !== undefined) return country;
    const countries = metadata.getCountryCodesForCallingCode(code);
    country = countries && countries.length === 1 && countries[0] ? countries[0] : null;
    byCallingCode.set(code, country);
    return country;
  }

  return {
    national(digits, country) {
      const compiled = plan(country);
      if (!compiled || !compiled.nationalFastPath) return null;
      // Shared calling codes (+44 for GB, GG, JE…) let the library pick another country: ask it.
      if (countryOfCallingCode(compiled.callingCode) !== country) return null;
      // With a national prefix, the library tries both with and without it: leave that to it.
      if (compiled.nationalPrefix !== null && digits.startsWith(compiled.nationalPrefix)) return null;
      return isValidNational(digits, compiled) ? `+${compiled.callingCode}${digits}` : null;
    },
    international(e164) {
      // Calling codes are 1 to 3 digits and prefix-free, so the first known one is the one. Read as
      // numbers, not substrings: this runs for every number written with "+".
      let value = 0;
      for (let length = 1; length <= 3 && length + 1 < e164.length; length++) {
        const digit = e164.charCodeAt(length) - 48;
        if (digit < 0 || digit > 9) return null;
        value = value * 10 + digit;
        const byValue = codeKinds[length - 1]!;
        let kind = byValue[value];
        if (kind === undefined)
          kind = byValue[value] = kindOfCallingCode(String(value).padStart(length, '0'));
        if (kind === UNKNOWN_CODE) continue;
        if (kind === SHARED_CODE) return null;
        const compiled = plan(kind);
        return compiled && isValidNational(e164.slice(length + 1), compiled) ? e164 : null;
      }
      return null;
    },
  };

  /** A calling code's single country, or SHARED_CODE / UNKNOWN_CODE. */
  function kindOfCallingCode(code: string): string {
    const country = countryOfCallingCode(code);
    if (country !== null) return country;
    return metadata.getCountryCodesForCallingCode(code) ? SHARED_CODE : UNKNOWN_CODE;
  }
}

const SHARED_CODE = '+shared';
const UNKNOWN_CODE = '+unknown';

function isValidNational(nsn: string, plan: CompiledPlan): boolean {
  if (!plan.general.test(nsn)) return false;
  for (const type of plan.types) {
    if (type.lengths && !type.lengths.has(nsn.length)) continue;
    if (type.pattern.test(nsn)) return true;
  }
  return false;
}

function compile(metadata: MetadataApi, country: string): CompiledPlan {
  metadata.selectNumberingPlan(country as CountryCode);
  const numbering = metadata.numberingPlan;
  const types: CompiledPlan['types'] = [];
  for (const name of TYPES) {
    const definition = numbering.type(name);
    const pattern = definition?.pattern();
    if (!definition || !pattern) continue;
    const lengths = definition.possibleLengths();
    types.push({ pattern: new RegExp(`^(?:${pattern})$`), lengths: lengths ? new Set(lengths) : null });
  }
  const prefix = numbering.nationalPrefixForParsing();
  const simplePrefix = prefix === undefined || /^\d+$/.test(prefix);
  return {
    callingCode: numbering.callingCode(),
    general: new RegExp(`^(?:${numbering.nationalNumberPattern()})$`),
    types,
    nationalPrefix: prefix !== undefined && simplePrefix ? prefix : null,
    nationalFastPath: simplePrefix && !numbering.nationalPrefixTransformRule(),
  };
}
