import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** The procedure and every procedure it started, at any depth (a consultation inside a review). */
export async function withDescendants(db: Db, id: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree(id) AS (
      SELECT ${id}::text
      UNION ALL
      SELECT p.id FROM procedures p JOIN tree ON p.parent_id = tree.id
    )
    SELECT id FROM tree`);
  return rows.rows.map((r) => r.id);
}
