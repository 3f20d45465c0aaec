import { sqlMigration } from './types';

// The campaign's scheduled delivery (Messente's time_to_send, UTC ISO-8601), kept so that a resume
// after a pause or a crash delivers the rest at the same time instead of at once. NULL = deliver
// on sending, which is what every campaign before this version did (the schedule was not stored).
export const migration004 = sqlMigration(
  4,
  'time-to-send',
  `ALTER TABLE campaigns ADD COLUMN time_to_send TEXT;`,
);
