// The report's rows come from main in pages of 500, fetched as the operator scrolls; a campaign
// of a million rows therefore never sits in the renderer's memory at once.
import type { MessageRow } from '../../../shared/types';
import { errorMessage } from '../../../shared/errors';

export const PAGE_SIZE = 500;
/** Pages kept besides the ones in view; older ones are dropped to bound memory. */
const MAX_PAGES = 8;

export type FetchPage = (offset: number, limit: number) => Promise<{ total: number; rows: MessageRow[] }>;

export class RowPages {
  total: number | null = null;
  error: string | null = null;
  private pages = new Map<number, MessageRow[]>();
  private inFlight = new Set<number>();
  // Responses from before a filter change or reset are ignored: they describe other rows.
  private generation = 0;

  constructor(
    private fetchPage: FetchPage,
    private onChange: () => void,
  ) {}

  rowAt(index: number): MessageRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Makes sure the pages covering rows [first, last) are loaded or loading. */
  ensure(first: number, last: number): void {
    for (const page of pagesOf(first, last)) {
      if (!this.pages.has(page)) void this.load(page);
    }
  }

  /** Refetches the pages in view (live progress changed them) without blanking what is shown. */
  refresh(first: number, last: number): void {
    const wanted = new Set(pagesOf(first, last));
    for (const page of this.pages.keys()) if (!wanted.has(page)) this.pages.delete(page);
    for (const page of wanted) void this.load(page, true);
  }

  /** Forgets everything (the filter changed). */
  reset(fetchPage: FetchPage): void {
    this.fetchPage = fetchPage;
    this.generation++;
    this.pages.clear();
    this.inFlight.clear();
    this.total = null;
    this.error = null;
    this.onChange();
  }

  private async load(page: number, force = false): Promise<void> {
    if (this.inFlight.has(page) && !force) return;
    const generation = this.generation;
    this.inFlight.add(page);
    try {
      const result = await this.fetchPage(page * PAGE_SIZE, PAGE_SIZE);
      if (generation !== this.generation) return;
      this.total = result.total;
      this.error = null;
      this.pages.set(page, result.rows);
      this.evict(page);
    } catch (e) {
      if (generation !== this.generation) return;
      this.error = errorMessage(e);
    } finally {
      if (generation === this.generation) this.inFlight.delete(page);
    }
    this.onChange();
  }

  private evict(keep: number): void {
    if (this.pages.size <= MAX_PAGES) return;
    const farthest = [...this.pages.keys()].sort((a, b) => Math.abs(b - keep) - Math.abs(a - keep));
    for (const page of farthest.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(page);
  }
}

function pagesOf(first: number, last: number): number[] {
  const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
  const to = Math.floor(Math.max(first, last - 1) / PAGE_SIZE);
  const pages: number[] = [];
  for (let p = from; p <= to; p++) pages.push(p);
  return pages;
}
