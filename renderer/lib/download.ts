// Starts a browser download of a URL the web host prepared (an export). A temporary <a download>
// is the one way that works in every browser without opening a new tab.

/** Clicks a hidden `<a href=url download>`; `fileName` is a suggestion the server may override. */
export function triggerDownload(url: string, fileName = '', doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}
