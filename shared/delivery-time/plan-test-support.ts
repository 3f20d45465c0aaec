// Tests only: a delivery plan with plausible values, so that a test states only what it is about.
import type { DeliveryPlan, TimeColumnGuess } from './types';

/** Each row at the time its column 1 gives as "dd.MM.yyyy HH:mm", in Tallinn, no quiet hours. */
export function testPlan(over: Partial<DeliveryPlan> = {}): DeliveryPlan {
  return {
    column: 1,
    format: 'dd.MM.yyyy HH:mm',
    rule: { kind: 'at' },
    quietHours: null,
    zone: 'Europe/Tallinn',
    countryColumn: null,
    ...over,
  };
}

/** Column 2 read as day-first date-times without a doubt. */
export const CLEAR_GUESS: TimeColumnGuess = {
  column: 2,
  format: 'dd.MM.yyyy HH:mm',
  candidates: ['dd.MM.yyyy HH:mm'],
  parsedShare: 1,
};

/** Column 3 whose dates read both day-first and month-first: the user must say which. */
export const UNSURE_GUESS: TimeColumnGuess = {
  column: 3,
  format: null,
  candidates: ['dd.MM.yyyy HH:mm', 'MM.dd.yyyy HH:mm'],
  parsedShare: 1,
};
