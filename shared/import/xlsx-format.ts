// A cell's number as the text Excel shows for it: a phone number stored as a number (3.7251234567E+10)
// comes out as "37251234567", "00501" keeps its zeros where the format pads them, a date is a date.
// Covers the formats that occur in customer lists; anything else falls back to Excel's "General".

/** Excel's built-in number formats by id; 14 and 22 (locale dates) are written unambiguously. */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy-mm-dd h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss',
  49: '@',
};

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/** Excel's "General": integers in full (never 3.7E+10), other numbers to 15 significant digits. */
export function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/** The format without quoted text, escapes, colours and locale tags: what decides its kind. */
function bare(code: string): string {
  return code.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, '');
}

export function isDateFormat(code: string): boolean {
  return /[dmyhs]/i.test(bare(code).replace(/General/gi, '')) && !/[0#?]/.test(bare(code));
}

/** The text of the format's literal parts: quoted text, escaped characters, currency symbols. */
function literal(part: string): string {
  return part
    .replace(/\[\$([^\]-]*)[^\]]*\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, ' ')
    .replace(/\*./g, '');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `n` in the cell's format `code` (undefined = General); `date1904` from the workbook. */
export function formatCellNumber(n: number, code: string | undefined, date1904: boolean): string {
  if (code === undefined || /^(General|@)$/i.test(code.trim())) return general(n);
  const section = splitSections(code)[n < 0 ? 1 : 0] ?? splitSections(code)[0] ?? '';
  const value = n < 0 && splitSections(code).length > 1 ? -n : n;
  if (isDateFormat(section)) return formatDate(value, section, date1904);
  const body = bare(section);
  const first = section.search(/[0#?]/);
  if (first < 0) return /General/i.test(section) ? general(n) : literal(section);
  let last = first;
  for (let i = first; i < section.length; i++) if (/[0#?.,%]/.test(section[i] ?? '')) last = i;
  const prefix = literal(section.slice(0, first));
  const suffix = literal(section.slice(last + 1));
  const percent = body.includes('%');
  const scaled = percent ? value * 100 : value;
  const exponent = /E[+-]/i.exec(body);
  const [intPattern = '', fracPattern = ''] = (section.slice(first, last + 1).replace(/%/g, '') || '0').split(
    '.',
  );
  const decimals = ((fracPattern.split(/E/i)[0] ?? '').match(/[0#?]/g) ?? []).length;
  if (exponent) {
    const [mantissa = '0', power = '0'] = scaled.toExponential(decimals).split('e');
    const sign = power.startsWith('-') ? '-' : '+';
    return `${prefix}${mantissa}E${sign}${power.replace(/^[+-]/, '').padStart(2, '0')}${suffix}`;
  }
  const fixed = Math.abs(scaled).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const minDigits = (intPattern.match(/0/g) ?? []).length;
  let digits = whole === '0' && minDigits === 0 ? '' : whole.padStart(minDigits, '0');
  if (intPattern.includes(',')) digits = groupThousands(digits);
  const sign = scaled < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${prefix}${digits}${fraction !== undefined ? `.${fraction}` : ''}${percent ? '%' : ''}${suffix}`;
}

function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i] ?? '';
    if (c === '"') quoted = !quoted;
    if (c === '\\' && !quoted) {
      current += c + (code[++i] ?? '');
      continue;
    }
    if (c === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += c;
  }
  sections.push(current);
  return sections;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The date and time of an Excel serial number (days since 1900-01-00, or 1904-01-01), in UTC. */
export function serialToDate(serial: number, date1904 = false): Date {
  // 1900 counts a 29 February that never was (Lotus's bug, kept by Excel): serials from 61 on are a day ahead.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial < 61 ? 31 : 30);
  return new Date(epoch + Math.round(serial * 86_400) * 1000);
}

/**
 * A date cell's value as a zone-less local ISO date-time, the way the sheet holds it: "2026-05-04"
 * for a whole day shown without a time, else "2026-05-04T09:30" (":15" added when the seconds are not
 * zero). Null when the format is not a date (a number, or a time or duration without a day).
 */
export function rawDateOf(n: number, code: string | undefined, date1904: boolean): string | null {
  if (code === undefined || !Number.isFinite(n) || n < 0) return null;
  const section = splitSections(code)[0] ?? '';
  if (!isDateFormat(section)) return null;
  const shown = bare(section).replace(/General/gi, '');
  // A day needs a year or a day of month: "h:mm" or "[h]:mm:ss" are times or durations, not dates.
  if (!/[yd]/i.test(shown)) return null;
  const iso = serialToDate(n, date1904).toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (time === '00:00:00' && !/[hs]/i.test(shown)) return day;
  return time.endsWith(':00') ? `${day}T${time.slice(0, 5)}` : `${day}T${time}`;
}

/** An ISO date or date-time as written in a file (a zone or fraction dropped), or null when it is none. */
export function rawDateOfText(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?)?/.exec(text.trim());
  if (!m) return null;
  if (m[2] === undefined) return m[1] ?? null;
  return `${m[1]}T${m[2]}${m[3] && m[3] !== ':00' ? m[3] : ''}`;
}

const DATE_TOKEN =
  /"[^"]*"|\\.|\[h+\]|\[[^\]]*\]|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|A\/P|./gi;

function formatDate(serial: number, code: string, date1904: boolean): string {
  const date = serialToDate(serial, date1904);
  const tokens = code.match(DATE_TOKEN) ?? [];
  const twelve = tokens.some((t) => /^(AM\/PM|A\/P)$/i.test(t));
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const lower = token.toLowerCase();
    // "m" and "mm" are minutes right after an hour or right before seconds, else months.
    const prev =
      tokens
        .slice(0, i)
        .reverse()
        .find((t) => /^[a-z[]/i.test(t))
        ?.toLowerCase() ?? '';
    const next =
      tokens
        .slice(i + 1)
        .find((t) => /^[a-z[]/i.test(t))
        ?.toLowerCase() ?? '';
    const minutes = (lower === 'm' || lower === 'mm') && (/^\[?h/.test(prev) || /^s/.test(next));
    if (minutes) out += lower === 'mm' ? pad(date.getUTCMinutes()) : String(date.getUTCMinutes());
    else if (lower === 'yyyy') out += String(date.getUTCFullYear());
    else if (lower === 'yy') out += pad(date.getUTCFullYear() % 100);
    else if (lower === 'mmmmm') out += MONTHS[date.getUTCMonth()]?.charAt(0) ?? '';
    else if (lower === 'mmmm') out += MONTHS[date.getUTCMonth()] ?? '';
    else if (lower === 'mmm') out += MONTHS[date.getUTCMonth()]?.slice(0, 3) ?? '';
    else if (lower === 'mm') out += pad(date.getUTCMonth() + 1);
    else if (lower === 'm') out += String(date.getUTCMonth() + 1);
    else if (lower === 'dddd') out += DAYS[date.getUTCDay()] ?? '';
    else if (lower === 'ddd') out += DAYS[date.getUTCDay()]?.slice(0, 3) ?? '';
    else if (lower === 'dd') out += pad(date.getUTCDate());
    else if (lower === 'd') out += String(date.getUTCDate());
    else if (/^\[h+\]$/.test(lower)) out += String(Math.floor(Math.round(serial * 86_400) / 3600));
    else if (lower === 'hh' || lower === 'h') {
      const h = twelve ? hours % 12 || 12 : hours;
      out += lower === 'hh' ? pad(h) : String(h);
    } else if (lower === 'ss') out += pad(date.getUTCSeconds());
    else if (lower === 's') out += String(date.getUTCSeconds());
    else if (lower === 'am/pm') out += hours < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += hours < 12 ? 'A' : 'P';
    else out += literal(token);
  }
  return out;
}
