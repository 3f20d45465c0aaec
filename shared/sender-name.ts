// Messente's sender rules: alphanumeric A–Z/0–9 up to 11 characters (recipients cannot reply), or
// a numeric sender of up to 15 digits (optionally with a leading +). Empty means the account default.

export function senderProblem(sender: string): string | null {
  const s = sender.trim();
  if (s === '') return null;
  if (/^\+?\d+$/.test(s))
    return s.replace('+', '').length <= 15 ? null : 'A numeric sender has at most 15 digits.';
  if (!/^[A-Za-z0-9]+$/.test(s)) {
    return 'A sender name uses only letters A–Z and digits 0–9 (no spaces, accents or punctuation).';
  }
  return s.length <= 11 ? null : `A sender name has at most 11 characters; "${s}" has ${s.length}.`;
}
