import { describe, expect, it } from 'vitest';
import { NO_FILTER, optionsOf, rowsFilter } from './row-filter';

describe('rowsFilter', () => {
  it('asks for every row when nothing is chosen', () => {
    expect(rowsFilter(NO_FILTER)).toEqual({});
  });

  it('asks for each chosen kind', () => {
    expect(
      rowsFilter({ state: 'accepted', deliveryStatus: 'PENDING', errorCode: '105', billedDiffers: true }),
    ).toEqual({
      states: ['accepted'],
      deliveryStatuses: ['PENDING'],
      errorCodes: ['105'],
      billedDiffers: true,
    });
    expect(rowsFilter({ ...NO_FILTER, deliveryStatus: 'UNDELIV' })).toEqual({
      deliveryStatuses: ['UNDELIV'],
    });
  });
});

describe('optionsOf', () => {
  const counts = [
    { key: 'DELIVRD', label: 'DELIVRD', count: 3 },
    { key: 'PENDING', label: 'PENDING', count: 1 },
  ];

  it('labels each option with its count', () => {
    expect(optionsOf(counts, 'all')).toEqual([
      { key: 'DELIVRD', label: 'DELIVRD (3)' },
      { key: 'PENDING', label: 'PENDING (1)' },
    ]);
  });

  it('keeps a chosen value that no longer has rows', () => {
    expect(optionsOf(counts, 'ACK').at(-1)).toEqual({ key: 'ACK', label: 'ACK (0)' });
  });
});
