// Offers text as a file download through an object URL; works in Electron and the web host alike.
export function downloadText(
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8',
  bom = true,
): void {
  // A BOM so that Excel opens the UTF-8 CSV with its accents intact (plain .txt files go without).
  const blob = new Blob(bom ? ['\ufeff', text] : [text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "clients.csv" → "clients-rejected.csv". */
export function rejectedFileName(source: string): string {
  const base = source.replace(/\.[^.]+$/, '') || 'recipients';
  return `${base}-rejected.csv`;
}
