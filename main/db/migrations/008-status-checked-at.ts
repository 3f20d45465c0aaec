import { sqlMigration } from './types';

// When a row's delivery status was last asked about and answered, kept on the row itself: the
// delivery report streams a million rows, and reading this from the history table row by row would
// cost a lookup each. Checks that found nothing new leave no history, so older rows get the time of
// their latest recorded status, the best that is known of them.
export const migration008 = sqlMigration(
  8,
  'status-checked-at',
  `
      ALTER TABLE messages ADD COLUMN status_checked_at TEXT;
      UPDATE messages SET status_checked_at =
        (SELECT MAX(d.checked_at) FROM delivery_statuses d WHERE d.message_id = messages.id)
      WHERE id IN (SELECT message_id FROM delivery_statuses);
    `,
);
