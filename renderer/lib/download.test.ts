import { describe, expect, it } from 'vitest';
import { triggerDownload } from './download';

describe('triggerDownload', () => {
  it('clicks a temporary download link to the url and removes it', () => {
    const clicked: { href: string; download: string }[] = [];
    const onClick = (event: Event): void => {
      const link = event.target as HTMLAnchorElement;
      clicked.push({ href: link.getAttribute('href') ?? '', download: link.download });
      event.preventDefault(); // jsdom would try to navigate
    };
    document.addEventListener('click', onClick);
    try {
      triggerDownload('/exports/abc.csv', 'report.csv');
    } finally {
      document.removeEventListener('click', onClick);
    }
    expect(clicked).toEqual([{ href: '/exports/abc.csv', download: 'report.csv' }]);
    expect(document.querySelectorAll('a').length).toBe(0);
  });
});
