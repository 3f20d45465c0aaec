import { sqlMigration } from './types';

// Where a live campaign was sent (Omnichannel API base and the account API base beside it), so
// that its statuses, reports and resumes talk to the same place without the operator repeating
// it. NULL for test-mode campaigns and for campaigns from before this version: those use the
// current settings, which is what every command did before.
export const migration005 = sqlMigration(
  5,
  'campaign-target',
  `
      ALTER TABLE campaigns ADD COLUMN api_url TEXT;
      ALTER TABLE campaigns ADD COLUMN legacy_url TEXT;
    `,
);
