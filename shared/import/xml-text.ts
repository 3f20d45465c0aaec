// Small pieces of XML reading shared by the .xlsx and .ods readers: entities, attributes, and the
// cutting of an inflated part into runs of whole elements.

export function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
      const lower = e.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
      return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[lower] ?? '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTES = new Map<string, RegExp>();

/** The value of attribute `name` (e.g. "r", "table:name") in an element's attribute text. */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const match = pattern.exec(attributes);
  return match ? unescapeXml(match[1] ?? '') : undefined;
}

/**
 * A plain attribute's value (no entities in it: a cell reference, a type, a style number) found
 * without a regular expression, as the sheet reader asks for three per cell.
 */
export function plainAttribute(attributes: string, name: string): string | undefined {
  const key = `${name}="`;
  let at = attributes.indexOf(key);
  // Preceded by a space or at the start, so that "r" is not found inside "t" or "spans".
  while (at > 0 && attributes.charCodeAt(at - 1) > 32) at = attributes.indexOf(key, at + 1);
  if (at < 0) return undefined;
  const start = at + key.length;
  const end = attributes.indexOf('"', start);
  return end < 0 ? undefined : attributes.slice(start, end);
}

/** Where the bytes of `cut` last occur in `data` at or after `from`; -1 when they do not. */
function lastIndexOfBytes(data: Uint8Array, cut: Uint8Array, from: number): number {
  const first = cut[0];
  for (let at = data.length - cut.length; at >= from; at--) {
    if (data[at] !== first) continue;
    let i = 1;
    while (i < cut.length && data[at + i] === cut[i]) i++;
    if (i === cut.length) return at;
  }
  return -1;
}

/**
 * Cuts an inflated part into text that ends right after a closing tag (`</row>`), so that a reader
 * gets whole elements however the bytes were split; the rest waits for the next piece. The cut is
 * found in the bytes and only whole text is decoded: an ASCII tag never splits a character, and a
 * decoder told to stream (to carry a split character over) is three times slower in Node.
 */
export class XmlPieces {
  private readonly decoder = new TextDecoder();
  private readonly cut: Uint8Array;
  /** Bytes after the last cut, waiting for the next piece. */
  private rest: Uint8Array = new Uint8Array(0);

  constructor(cut: string) {
    this.cut = new TextEncoder().encode(cut);
  }

  push(bytes: Uint8Array, last: boolean): string {
    let data = bytes;
    if (this.rest.length > 0) {
      data = new Uint8Array(this.rest.length + bytes.length);
      data.set(this.rest);
      data.set(bytes, this.rest.length);
    }
    if (last) {
      this.rest = new Uint8Array(0);
      return this.decoder.decode(data);
    }
    // The rest holds no cut: look only where one may have been completed, so a long element costs
    // linear time, not a rescan per piece.
    const at = lastIndexOfBytes(data, this.cut, Math.max(0, this.rest.length - this.cut.length + 1));
    if (at < 0) {
      // Kept as a copy: the inflater may reuse the memory of the piece it handed on.
      this.rest = data === bytes ? bytes.slice() : data;
      return '';
    }
    const end = at + this.cut.length;
    this.rest = data.slice(end);
    return this.decoder.decode(data.subarray(0, end));
  }
}
