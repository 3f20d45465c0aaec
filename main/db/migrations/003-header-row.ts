import { sqlMigration } from './types';

// The spreadsheet row of the file's header, so that the report numbers rows as the spreadsheet
// does (data row + header row), like the preview and the import's reasons. Older campaigns get 1:
// the import's default, and what their reports showed until now was the data row anyway.
export const migration003 = sqlMigration(
  3,
  'header-row',
  `ALTER TABLE campaigns ADD COLUMN header_row INTEGER NOT NULL DEFAULT 1 CHECK (header_row >= 1);`,
);
