import { describe, expect, it } from 'vitest';
import { counts, summary } from '../../testing/results';
import { matchesQuery, sortCampaigns, visibleCampaigns } from './campaign-list';

const a = summary({
  id: 1,
  name: 'Spring offer',
  createdAt: '2026-03-01T10:00:00Z',
  predictedCostMicros: 500,
});
const b = summary({
  id: 2,
  name: 'autumn reminder',
  status: 'interrupted',
  createdAt: '2026-09-01T10:00:00Z',
  predictedCostMicros: null,
});
const c = summary({
  id: 3,
  name: 'Black Friday',
  counts: counts({ accepted: 90, failed: 7 }),
  createdAt: '2026-11-27T10:00:00Z',
  predictedCostMicros: 900,
});

describe('matchesQuery', () => {
  it('matches name case-insensitively, status and id', () => {
    expect(matchesQuery(a, 'SPRING')).toBe(true);
    expect(matchesQuery(b, 'interrupted')).toBe(true);
    expect(matchesQuery(c, '#3')).toBe(true);
    expect(matchesQuery(a, 'friday')).toBe(false);
    expect(matchesQuery(a, '  ')).toBe(true);
  });
});

describe('sortCampaigns', () => {
  it('sorts names without regard to case', () => {
    expect(sortCampaigns([a, b, c], 'name', 'ascending').map((x) => x.id)).toEqual([2, 3, 1]);
  });
  it('sorts by date both ways', () => {
    expect(sortCampaigns([a, b, c], 'created', 'descending').map((x) => x.id)).toEqual([3, 2, 1]);
    expect(sortCampaigns([c, a, b], 'created', 'ascending').map((x) => x.id)).toEqual([1, 2, 3]);
  });
  it('puts unknown costs below known ones', () => {
    expect(sortCampaigns([a, b, c], 'cost', 'descending').map((x) => x.id)).toEqual([3, 1, 2]);
  });
  it('sorts by failed count and does not change the input', () => {
    const input = [a, c, b];
    expect(sortCampaigns(input, 'failed', 'descending')[0]?.id).toBe(3);
    expect(input.map((x) => x.id)).toEqual([1, 3, 2]);
  });
});

describe('visibleCampaigns', () => {
  it('filters then sorts', () => {
    expect(visibleCampaigns([a, b, c], 'er', 'name', 'ascending').map((x) => x.id)).toEqual([2, 1]);
  });
});
