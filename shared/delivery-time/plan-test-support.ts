// Tests only: a delivery plan with plausible values, so that a test states only what it is about.
import type { DeliveryPlan } from './types';

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
