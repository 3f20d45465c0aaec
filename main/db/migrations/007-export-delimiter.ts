import { sqlMigration } from './types';

// The delimiter of the file a campaign was imported from, so that its delivery report opens in the
// operator's spreadsheet as that file did (a semicolon-locale Excel shows a comma file as one
// column). Older campaigns get the comma their reports always had.
export const migration007 = sqlMigration(
  7,
  'export-delimiter',
  `ALTER TABLE campaigns ADD COLUMN delimiter TEXT NOT NULL DEFAULT ',' CHECK (delimiter IN (',', ';', char(9)));`,
);
