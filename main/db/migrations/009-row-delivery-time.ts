import { sqlMigration } from './types';

// Each row delivered at its own time, read from a time column of the imported file. Per row: its
// appointment (ISO-8601 with its zone's offset), its own delivery time (UTC ISO-8601, Messente's
// time_to_send; NULL = on submission), its time zone, why its time could not be scheduled as
// planned, and until when it stays queued in Omnicast because its time is beyond Messente's
// scheduling window. Per campaign: the plan (time column, rule, quiet hours, zones) and the
// choices for rows that could not be scheduled, both JSON. Older rows and campaigns get NULL: one
// time for the whole campaign, which is all they knew.
export const migration009 = sqlMigration(
  9,
  'row-delivery-time',
  `
      ALTER TABLE messages ADD COLUMN appointment TEXT;
      ALTER TABLE messages ADD COLUMN send_at TEXT;
      ALTER TABLE messages ADD COLUMN time_zone TEXT;
      ALTER TABLE messages ADD COLUMN time_problem TEXT
        CHECK (time_problem IN ('unparseable', 'past', 'too-far'));
      ALTER TABLE messages ADD COLUMN hold_until TEXT;
      ALTER TABLE campaigns ADD COLUMN delivery_plan TEXT;
      ALTER TABLE campaigns ADD COLUMN problem_choices TEXT;
    `,
);
