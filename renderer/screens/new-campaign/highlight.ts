// Splits the template into plain and marked pieces for the editor's mirrored highlight layer.
export interface Mark {
  index: number;
  length: number;
  kind: 'ucs2' | 'error';
}

export interface Piece {
  text: string;
  kind: Mark['kind'] | null;
}

export function highlightPieces(text: string, marks: readonly Mark[]): Piece[] {
  const sorted = [...marks].sort((a, b) => a.index - b.index);
  const pieces: Piece[] = [];
  let at = 0;
  for (const mark of sorted) {
    if (mark.index < at || mark.index >= text.length) continue; // overlapping or stale: skip
    if (mark.index > at) pieces.push({ text: text.slice(at, mark.index), kind: null });
    const end = Math.min(text.length, mark.index + Math.max(1, mark.length));
    pieces.push({ text: text.slice(mark.index, end), kind: mark.kind });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), kind: null });
  return pieces;
}
