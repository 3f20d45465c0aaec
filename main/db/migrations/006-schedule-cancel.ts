import { sqlMigration } from './types';

// What became of the request to cancel a row's scheduled message (DELETE before its
// time_to_send): cancelled (202), already-sent (404 once the time had passed) or unknown. NULL:
// never asked, which is every row before this version.
export const migration006 = sqlMigration(
  6,
  'schedule-cancel',
  `ALTER TABLE messages ADD COLUMN schedule_cancel TEXT
         CHECK (schedule_cancel IN ('cancelled', 'already-sent', 'unknown'));`,
);
