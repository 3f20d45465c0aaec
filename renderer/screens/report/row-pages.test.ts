import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, RowPages, type FetchPage } from './row-pages';
import { row } from '../../testing/results';

function source(total: number, label = 'accepted' as const) {
  const requests: number[] = [];
  const fetch: FetchPage = async (offset, limit) => {
    requests.push(offset);
    const rows = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(row(i + 1, label));
    return { total, rows };
  };
  return { fetch, requests };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RowPages', () => {
  it('loads only the pages in view, once each', async () => {
    const { fetch, requests } = source(2000);
    let changes = 0;
    const pages = new RowPages(fetch, () => changes++);
    pages.ensure(0, 30);
    pages.ensure(10, 40);
    await settle();
    expect(requests).toEqual([0]);
    expect(pages.total).toBe(2000);
    expect(pages.rowAt(29)?.row).toBe(30);
    expect(pages.rowAt(PAGE_SIZE)).toBeUndefined();
    pages.ensure(490, 520);
    await settle();
    expect(requests).toEqual([0, PAGE_SIZE]);
    expect(pages.rowAt(510)?.row).toBe(511);
    expect(changes).toBe(2);
  });

  it('ignores answers that arrive after a reset', async () => {
    let release: () => void = () => {};
    const slow: FetchPage = () =>
      new Promise((resolve) => {
        release = () => resolve({ total: 5, rows: [row(1, 'failed')] });
      });
    const pages = new RowPages(slow, () => {});
    pages.ensure(0, 10);
    const fresh = source(3);
    pages.reset(fresh.fetch);
    pages.ensure(0, 10);
    release();
    await settle();
    expect(pages.total).toBe(3);
    expect(pages.rowAt(0)?.state).toBe('accepted');
  });

  it('refetches the visible pages on refresh and keeps rows shown meanwhile', async () => {
    const { fetch, requests } = source(1200);
    const pages = new RowPages(fetch, () => {});
    pages.ensure(0, 30);
    await settle();
    pages.refresh(0, 30);
    expect(pages.rowAt(0)?.row).toBe(1);
    await settle();
    expect(requests).toEqual([0, 0]);
  });

  it('keeps the error to show it', async () => {
    const pages = new RowPages(
      async () => {
        throw new Error('no such campaign');
      },
      () => {},
    );
    pages.ensure(0, 10);
    await settle();
    expect(pages.error).toBe('no such campaign');
  });
});
