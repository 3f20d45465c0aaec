import type { Migration } from './types';

// What became of the request to cancel a row's scheduled message (DELETE before its
// time_to_send): cancelled (202), already-sent (404 once the time had passed) or unknown. NULL:
// never asked, which is every row before this version.
export const migration006: Migration = {
  version: 6,
  name: 'schedule-cancel',
  up: (db) => {
    db.exec(
      `ALTER TABLE messages ADD COLUMN schedule_cancel TEXT
         CHECK (schedule_cancel IN ('cancelled', 'already-sent', 'unknown'));`,
    );
  },
};
