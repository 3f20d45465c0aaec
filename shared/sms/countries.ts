// A recipient's country from its E.164 number, by the longest calling-code prefix. Most calling codes
// belong to one country; for shared ones (+1, +7, +44, ...) libphonenumber-js's number patterns decide,
// cached by the first digits because a whole list of numbers shares few prefixes.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

// Calling code → countries (main country first), from libphonenumber-js metadata (country_calling_codes).
const CALLING_CODES = [
  '1:US/AG/AI/AS/BB/BM/BS/CA/DM/DO/GD/GU/JM/KN/KY/LC/MP/MS/PR/SX/TC/TT/VC/VG/VI,7:RU/KZ,20:EG,27:ZA,',
  '30:GR,31:NL,32:BE,33:FR,34:ES,36:HU,39:IT/VA,40:RO,41:CH,43:AT,44:GB/GG/IM/JE,45:DK,46:SE,47:NO/SJ,',
  '48:PL,49:DE,51:PE,52:MX,53:CU,54:AR,55:BR,56:CL,57:CO,58:VE,60:MY,61:AU/CC/CX,62:ID,63:PH,64:NZ,',
  '65:SG,66:TH,81:JP,82:KR,84:VN,86:CN,90:TR,91:IN,92:PK,93:AF,94:LK,95:MM,98:IR,211:SS,212:MA/EH,',
  '213:DZ,216:TN,218:LY,220:GM,221:SN,222:MR,223:ML,224:GN,225:CI,226:BF,227:NE,228:TG,229:BJ,230:MU,',
  '231:LR,232:SL,233:GH,234:NG,235:TD,236:CF,237:CM,238:CV,239:ST,240:GQ,241:GA,242:CG,243:CD,244:AO,',
  '245:GW,246:IO,247:AC,248:SC,249:SD,250:RW,251:ET,252:SO,253:DJ,254:KE,255:TZ,256:UG,257:BI,258:MZ,',
  '260:ZM,261:MG,262:RE/YT,263:ZW,264:NA,265:MW,266:LS,267:BW,268:SZ,269:KM,290:SH/TA,291:ER,297:AW,',
  '298:FO,299:GL,350:GI,351:PT,352:LU,353:IE,354:IS,355:AL,356:MT,357:CY,358:FI/AX,359:BG,370:LT,',
  '371:LV,372:EE,373:MD,374:AM,375:BY,376:AD,377:MC,378:SM,380:UA,381:RS,382:ME,383:XK,385:HR,386:SI,',
  '387:BA,389:MK,420:CZ,421:SK,423:LI,500:FK,501:BZ,502:GT,503:SV,504:HN,505:NI,506:CR,507:PA,508:PM,',
  '509:HT,590:GP/BL/MF,591:BO,592:GY,593:EC,594:GF,595:PY,596:MQ,597:SR,598:UY,599:CW/BQ,670:TL,672:NF,',
  '673:BN,674:NR,675:PG,676:TO,677:SB,678:VU,679:FJ,680:PW,681:WF,682:CK,683:NU,685:WS,686:KI,687:NC,',
  '688:TV,689:PF,690:TK,691:FM,692:MH,850:KP,852:HK,853:MO,855:KH,856:LA,880:BD,886:TW,960:MV,961:LB,',
  '962:JO,963:SY,964:IQ,965:KW,966:SA,967:YE,968:OM,970:PS,971:AE,972:IL,973:BH,974:QA,975:BT,976:MN,',
  '977:NP,992:TJ,993:TM,994:AZ,995:GE,996:KG,998:UZ',
].join('');

const byCode = new Map<string, readonly string[]>();
// The same by number of digits and numeric value ([length - 1][value]), so the per-row lookup reads
// digits instead of cutting three substrings ("012" is length 3, value 12: no code, as it should be).
const byDigits: (readonly string[] | undefined)[][] = [[], [], []];
for (const entry of CALLING_CODES.split(',')) {
  const [code, countries] = entry.split(':') as [string, string];
  byCode.set(code, countries.split('/'));
  byDigits[code.length - 1]![Number(code)] = byCode.get(code);
}

/** Every ISO2 country that has a calling code. */
export const COUNTRIES: readonly string[] = [...new Set([...byCode.values()].flat())].sort();

/** Countries sharing calling code `code` (main one first), or [] when it is not assigned. */
export function countriesOfCallingCode(code: string): readonly string[] {
  return byCode.get(code) ?? [];
}

// Enough digits after a shared code to tell its countries apart (NANP area code, +7 6/7, +44 1481 ...).
const SHARED_PREFIX_DIGITS = 7;
const CACHE_LIMIT = 50_000;
const sharedCache = new Map<string, string>();

/**
 * ISO2 country of an E.164 number (`+` and digits), or null when no calling code matches. A shared
 * code whose number libphonenumber-js cannot place falls back to the code's main country (+1 → US).
 */
export function countryOfNumber(e164: string): string | null {
  const start = e164.charCodeAt(0) === 43 ? 1 : 0;
  const d1 = e164.charCodeAt(start) - 48;
  const d2 = e164.charCodeAt(start + 1) - 48;
  const d3 = e164.charCodeAt(start + 2) - 48;
  // Three digits present (NaN past the end fails the test): the common case, without substrings.
  if (d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 && d3 >= 0 && d3 <= 9) {
    for (let length = 3; length >= 1; length--) {
      const value = length === 3 ? d1 * 100 + d2 * 10 + d3 : length === 2 ? d1 * 10 + d2 : d1;
      const countries = byDigits[length - 1]![value];
      if (countries === undefined) continue;
      if (countries.length === 1) return countries[0]!;
      return sharedCountry(e164, start, length, countries);
    }
    return null;
  }
  return countryOfNumberBySlices(e164);
}

/** The general form of countryOfNumber() (any characters, short numbers); its tests compare the two. */
export function countryOfNumberBySlices(e164: string): string | null {
  const start = e164.charCodeAt(0) === 43 ? 1 : 0;
  for (let length = 3; length >= 1; length--) {
    const countries = byCode.get(e164.slice(start, start + length));
    if (countries === undefined || e164.length < start + length) continue;
    if (countries.length === 1) return countries[0]!;
    return sharedCountry(e164, start, length, countries);
  }
  return null;
}

function sharedCountry(e164: string, start: number, length: number, countries: readonly string[]): string {
  const key = e164.slice(start, start + length + SHARED_PREFIX_DIGITS);
  let country = sharedCache.get(key);
  if (country === undefined) {
    country = parsePhoneNumberFromString(`+${e164.slice(start)}`)?.country ?? countries[0]!;
    if (sharedCache.size >= CACHE_LIMIT) sharedCache.clear();
    sharedCache.set(key, country);
  }
  return country;
}
