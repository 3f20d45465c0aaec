import type { SavedTemplate } from '../../../shared/types';
import { nowIso, type Db } from '../database';

interface TemplateRecord {
  id: number;
  name: string;
  body: string;
  updated_at: string;
}

const toTemplate = (r: TemplateRecord): SavedTemplate => ({
  id: r.id,
  name: r.name,
  body: r.body,
  updatedAt: r.updated_at,
});

export function listTemplates(db: Db): SavedTemplate[] {
  return (db.prepare('SELECT * FROM templates ORDER BY name COLLATE NOCASE').all() as TemplateRecord[]).map(
    toTemplate,
  );
}

/** Saves by id when given, else by name: saving under an existing name replaces that template's body. */
export function saveTemplate(db: Db, t: { id?: number; name: string; body: string }): SavedTemplate {
  const now = nowIso();
  const record = (
    t.id !== undefined
      ? db
          .prepare('UPDATE templates SET name = ?, body = ?, updated_at = ? WHERE id = ? RETURNING *')
          .get(t.name, t.body, now, t.id)
      : db
          .prepare(
            `INSERT INTO templates (name, body, created_at, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
             RETURNING *`,
          )
          .get(t.name, t.body, now, now)
  ) as TemplateRecord | undefined;
  if (!record) throw new Error(`There is no saved template with id ${t.id}.`);
  return toTemplate(record);
}

export function deleteTemplate(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes > 0;
}
