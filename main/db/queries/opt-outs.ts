import { nowIso, type Db } from '../database';

/** The local opt-out list: numbers that never receive a message, whatever file they come in. */
export function readOptOuts(db: Db): Set<string> {
  return new Set((db.prepare('SELECT phone FROM opt_outs').all() as { phone: string }[]).map((r) => r.phone));
}

export function addOptOuts(db: Db, phones: readonly string[], source: string): number {
  const insert = db.prepare('INSERT OR IGNORE INTO opt_outs (phone, added_at, source) VALUES (?, ?, ?)');
  const now = nowIso();
  let added = 0;
  db.transaction(() => {
    for (const phone of phones) added += insert.run(phone, now, source).changes;
  })();
  return added;
}

export interface OptOutRow {
  phone: string;
  addedAt: string;
  source: string;
}

const SELECT_ROWS = 'SELECT phone, added_at AS addedAt, source FROM opt_outs ORDER BY added_at DESC, phone';

export function countOptOuts(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM opt_outs').get() as { n: number }).n;
}

/** Newest first, so that numbers just added are on the first page. */
export function pageOptOuts(db: Db, offset: number, limit: number): OptOutRow[] {
  return db.prepare(`${SELECT_ROWS} LIMIT ? OFFSET ?`).all(limit, offset) as OptOutRow[];
}

/** Every row, streamed: an export of a large list never holds it all in memory. */
export function iterateOptOuts(db: Db): IterableIterator<OptOutRow> {
  return db.prepare(SELECT_ROWS).iterate() as IterableIterator<OptOutRow>;
}

export function removeOptOut(db: Db, phone: string): boolean {
  return db.prepare('DELETE FROM opt_outs WHERE phone = ?').run(phone).changes > 0;
}
