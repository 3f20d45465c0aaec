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

/** A cell's text as a CSV value (comma-separated, quoted where needed). */
export function csvValue(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Cuts an inflated part into text that ends right after a closing tag (`</row>`), so that a reader
 * gets whole elements however the bytes were split; the rest waits for the next piece.
 */
export class XmlPieces {
  private readonly decoder = new TextDecoder();
  private rest = '';
  /** Characters decoded so far: a cap on what a part may unpack to. */
  decoded = 0;

  constructor(private readonly cut: string) {}

  push(bytes: Uint8Array, last: boolean): string {
    const fresh = this.decoder.decode(bytes, { stream: !last });
    this.decoded += fresh.length;
    const text = this.rest + fresh;
    if (last) {
      this.rest = '';
      return text;
    }
    // The rest holds no cut: look only where one may have been completed, so a long element costs
    // linear time, not a rescan per piece.
    const from = Math.max(0, this.rest.length - this.cut.length + 1);
    const found = text.slice(from).lastIndexOf(this.cut);
    const at = found < 0 ? -1 : from + found;
    if (at < 0) {
      this.rest = text;
      return '';
    }
    this.rest = text.slice(at + this.cut.length);
    return text.slice(0, at + this.cut.length);
  }
}
