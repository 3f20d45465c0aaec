// Messente's prices are decimal strings ("0.0645"): they become integer micro-euros by reading the
// digits, never through a float, so that a million rows sum exactly.

/** "0.0645" → 64 500; more than six decimals round half up; null when it is not a price. */
export function decimalToMicros(text: string): number | null {
  const match = /^\s*(-)?(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return scientificToMicros(text);
  const [, minus, whole = '', fraction = ''] = match;
  const digits = fraction.padEnd(7, '0');
  let micros = Number(whole || '0') * 1_000_000 + Number(digits.slice(0, 6));
  if (Number(digits[6]) >= 5) micros += 1;
  if (!Number.isSafeInteger(micros)) return null;
  return minus ? -micros : micros;
}

/** "1e-6" and the like: a JSON number printed by some serialisers; rare, so rounding is acceptable. */
function scientificToMicros(text: string): number | null {
  if (!/^\s*-?\d+(\.\d+)?e[+-]?\d+\s*$/i.test(text)) return null;
  const micros = Math.round(Number(text) * 1_000_000);
  return Number.isSafeInteger(micros) ? micros : null;
}
