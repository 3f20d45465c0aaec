// E.164 number → spreadsheet row of its first occurrence, for duplicate detection. A Map<string, number>
// with a million string keys was the single most expensive line of the import (~40% of the per-row
// work): each lookup hashes the string and chases pointers through the table and the key. An E.164
// number of at most 15 digits is an exact integer in a double, so it is kept as a number in an
// open-addressing table of typed arrays instead (no per-entry objects, nothing for the GC to walk).
// Anything else (longer numbers, non-digits) goes to an ordinary Map, so every key is exact.

const MAX_DIGITS = 15;
const INITIAL_CAPACITY = 1 << 12;
const TWO_32 = 4294967296;

/**
 * The numeric key of "+" and 1 to 15 digits: 10^digits + value, so "+01" and "+1" differ (always
 * ≥ 10, so 0 can mean an empty slot); -1 for anything else.
 */
export function numericKey(e164: string): number {
  const length = e164.length;
  if (length < 2 || length > MAX_DIGITS + 1 || e164.charCodeAt(0) !== 0x2b) return -1;
  let key = 1;
  for (let i = 1; i < length; i++) {
    const digit = e164.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    key = key * 10 + digit;
  }
  return key;
}

export class PhoneIndex {
  /** Slot i holds its key at 2i and its row at 2i + 1: one cache line per probe, not two. */
  private table = new Float64Array(INITIAL_CAPACITY * 2);
  private mask = INITIAL_CAPACITY - 1;
  /** 32 - log2(capacity): the slot is the top bits of the mixed hash (Fibonacci hashing). */
  private shift = 32 - Math.log2(INITIAL_CAPACITY);
  private used = 0;
  /** Keys numericKey() cannot represent. */
  private readonly other = new Map<string, number>();

  get size(): number {
    return this.used + this.other.size;
  }

  get(e164: string): number | undefined {
    const key = numericKey(e164);
    return key < 0 ? this.other.get(e164) : this.getKey(key);
  }

  /** get() by numericKey(e164), which must be ≥ 0. */
  getKey(key: number): number | undefined {
    const at = this.find(key) * 2;
    return this.table[at] === key ? this.table[at + 1] : undefined;
  }

  /** Records `row` for `e164` unless it is already there (the first occurrence wins); returns the row kept. */
  setIfAbsent(e164: string, row: number): number {
    const key = numericKey(e164);
    if (key >= 0) return this.setKeyIfAbsent(key, row);
    const known = this.other.get(e164);
    if (known !== undefined) return known;
    this.other.set(e164, row);
    return row;
  }

  /** setIfAbsent() by numericKey(e164), which must be ≥ 0. */
  setKeyIfAbsent(key: number, row: number): number {
    let at = this.find(key) * 2;
    if (this.table[at] === key) return this.table[at + 1] as number;
    if ((this.used + 1) * 4 > this.table.length) {
      this.grow();
      at = this.find(key) * 2;
    }
    this.table[at] = key;
    this.table[at + 1] = row;
    this.used++;
    return row;
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing). */
  private find(key: number): number {
    const { table, mask } = this;
    // Mix both 32-bit halves, then take the top bits of a multiplicative hash: the low bits of
    // numbers of one country follow patterns (ranges, steps) that would cluster in a plain modulo.
    let h = (key >>> 0) ^ Math.imul((key / TWO_32) >>> 0, 0x85ebca6b);
    h ^= h >>> 15;
    let slot = Math.imul(h, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const found = table[slot * 2] as number;
      if (found === key || found === 0) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.shift--;
    for (let i = 0; i < old.length; i += 2) {
      const key = old[i] as number;
      if (key === 0) continue;
      const at = this.find(key) * 2;
      this.table[at] = key;
      this.table[at + 1] = old[i + 1] as number;
    }
  }
}
