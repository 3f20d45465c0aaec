import { sqlMigration } from './types';

// Money is integer micro-euros; times are ISO-8601 UTC strings; JSON columns hold arrays of strings.
export const migration001 = sqlMigration(
  1,
  'initial',
  `
      CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('draft', 'sending', 'paused', 'completed', 'cancelled', 'interrupted')),
        test_mode INTEGER NOT NULL CHECK (test_mode IN (0, 1)),
        template TEXT NOT NULL,
        sender TEXT NOT NULL,
        autoconvert TEXT NOT NULL CHECK (autoconvert IN ('on', 'full', 'off')),
        country TEXT NOT NULL,
        columns TEXT NOT NULL,
        phone_column INTEGER NOT NULL,
        source_file TEXT NOT NULL,
        rate REAL NOT NULL,
        max_cost_micros INTEGER,
        stop_reason TEXT,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
      ) STRICT;

      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        row INTEGER NOT NULL,
        fields TEXT NOT NULL,
        raw_phone TEXT NOT NULL,
        recipient TEXT,
        state TEXT NOT NULL
          CHECK (state IN ('skipped', 'queued', 'sending', 'accepted', 'failed', 'unknown', 'cancelled')),
        skip_reason TEXT,
        text TEXT NOT NULL,
        encoding TEXT NOT NULL CHECK (encoding IN ('GSM-7', 'UCS-2')),
        segments INTEGER NOT NULL,
        cost_min_micros INTEGER,
        cost_max_micros INTEGER,
        omnimessage_id TEXT,
        message_id TEXT,
        http_status INTEGER,
        error_code TEXT,
        error_title TEXT,
        error_detail TEXT,
        error_source TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        sent_at TEXT,
        delivery_status TEXT,
        delivery_error TEXT,
        delivered_at TEXT,
        billed_micros INTEGER,
        UNIQUE (campaign_id, row)
      ) STRICT;
      CREATE INDEX messages_by_campaign_state ON messages (campaign_id, state, row);
      CREATE INDEX messages_by_campaign_recipient ON messages (campaign_id, recipient);

      -- One row per request that carried a message, written before the request leaves and
      -- completed after: the audit trail that proves nothing was sent twice.
      CREATE TABLE send_attempts (
        id INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT CHECK (outcome IN ('accepted', 'rejected', 'auth', 'retry', 'unknown', 'interrupted')),
        http_status INTEGER,
        error_code TEXT,
        error_title TEXT,
        error_detail TEXT,
        error_source TEXT
      ) STRICT;
      CREATE INDEX send_attempts_by_message ON send_attempts (message_id);

      CREATE TABLE templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE opt_outs (
        phone TEXT PRIMARY KEY,
        added_at TEXT NOT NULL,
        source TEXT NOT NULL
      ) STRICT;
    `,
);
