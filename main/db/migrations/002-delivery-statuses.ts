import { sqlMigration } from './types';

// Every delivery status Messente reported, with when we saw it: the report shows the latest, this
// keeps the history (and proves what was billed). Prices are kept as Messente's decimal strings AND
// as integer micro-euros, so a sum never drifts and the original text is never lost.
export const migration002 = sqlMigration(
  2,
  'delivery-statuses',
  `
      CREATE TABLE delivery_statuses (
        id INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        checked_at TEXT NOT NULL,
        status TEXT NOT NULL,
        status_at TEXT,
        err INTEGER,
        error TEXT,
        part_price TEXT,
        parts_count INTEGER,
        total_price TEXT,
        total_price_micros INTEGER
      ) STRICT;
      CREATE INDEX delivery_statuses_by_message ON delivery_statuses (message_id, id);

      -- The polling schedule: next_status_check_at is null while a row is not yet scheduled (the
      -- poller schedules accepted rows itself, so the sending engine needs no change) and after
      -- polling is over (status_poll_done = 1: final status, unknown to Messente, or 48 h passed).
      ALTER TABLE messages ADD COLUMN delivery_err INTEGER;
      ALTER TABLE messages ADD COLUMN status_checks INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN next_status_check_at TEXT;
      ALTER TABLE messages ADD COLUMN status_poll_done INTEGER NOT NULL DEFAULT 0 CHECK (status_poll_done IN (0, 1));
      CREATE INDEX messages_status_due ON messages (next_status_check_at) WHERE next_status_check_at IS NOT NULL;
      CREATE INDEX messages_status_unscheduled ON messages (campaign_id)
        WHERE state = 'accepted' AND next_status_check_at IS NULL AND status_poll_done = 0;
    `,
);
