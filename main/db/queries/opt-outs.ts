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
