// A minimal GSM 03.38 segment counter for the simulator's price_info. Kept local on purpose: the
// simulator plays Messente, so it must not share the app's own counter (a shared bug would hide).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '\f^{}\\[~]|€';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  parts: number;
}

/** Parts a text is billed as. `full` autoconvert turns every non-GSM character into one GSM one. */
export function countSegments(text: string, autoconvert: string | undefined): SegmentCount {
  const chars = Array.from(text);
  const gsm = autoconvert === 'full' || chars.every((c) => BASIC.has(c) || EXTENDED.has(c));
  if (gsm) {
    const sizes = chars.map((c) => (EXTENDED.has(c) ? 2 : 1));
    return { encoding: 'GSM-7', parts: pack(sizes, 160, 153) };
  }
  // UTF-16 code units; a surrogate pair is one unit of size 2 that is never split.
  return {
    encoding: 'UCS-2',
    parts: pack(
      chars.map((c) => c.length),
      70,
      67,
    ),
  };
}

function pack(sizes: number[], single: number, multi: number): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= single) return 1;
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return parts;
}
