import { ApplicationFailure } from '@temporalio/activity';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../db/audit';
import type { Db } from '../db/client';
import { knowledgeEntries } from '../db/schema';
import { recordStepEvent } from './procedure-events';

/** What a procedure archives: the evaluated study, the closed funding review. */
export interface ArchiveKnowledgeInput {
  /** A kind its module declares (knowledgeSources). */
  sourceType: string;
  sourceId: string;
  procedureId: string;
  title: string;
  summary: string;
  body: string;
  topics: string[];
  departmentIds: string[];
  year: number;
}

// Checked here, not trusted: a malformed id would otherwise fail in the database on every retry.
const archiveInput = (sourceTypes: string[]) => z.object({
  sourceType: z.string().refine((t) => sourceTypes.includes(t), 'kein Eintragstyp eines Verfahrens'),
  sourceId: z.string().min(1).max(200),
  procedureId: z.string().min(1).max(200),
  title: z.string().trim().min(1).max(500),
  summary: z.string().max(50_000),
  body: z.string().max(200_000),
  topics: z.array(z.string().trim().min(1).max(60)).max(50),
  departmentIds: z.array(z.uuid()).max(100),
  year: z.number().int().min(1900).max(2200),
});

export function knowledgeActivities({ db, knowledgeSources }: { db: Db; knowledgeSources: string[] }) {
  const schema = archiveInput(knowledgeSources);
  return {
    /**
     * Puts a result into the knowledge base. One entry per source: archiving the same study or
     * review again (a retry, a second evaluation) replaces its entry instead of adding one.
     */
    async archiveKnowledge(input: ArchiveKnowledgeInput): Promise<{ entryId: string }> {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        throw ApplicationFailure.nonRetryable(`Ungültiger Eintrag für den Wissensspeicher: ${parsed.error.message}`, 'InvalidKnowledgeEntry');
      }
      const entry = { ...parsed.data, departmentIds: [...new Set(parsed.data.departmentIds)] };
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(knowledgeEntries)
          .values(entry)
          .onConflictDoUpdate({
            target: [knowledgeEntries.sourceType, knowledgeEntries.sourceId],
            set: {
              procedureId: entry.procedureId,
              title: entry.title,
              summary: entry.summary,
              body: entry.body,
              topics: entry.topics,
              departmentIds: entry.departmentIds,
              year: entry.year,
              archivedAt: sql`now()`,
            },
          })
          .returning({ id: knowledgeEntries.id });
        const entryId = (row as { id: string }).id;
        await recordStepEvent(tx, {
          procedureId: entry.procedureId,
          key: 'knowledge:archived',
          kind: 'knowledge.archived',
          label: 'Im Wissensspeicher archiviert',
          detail: { entryId, sourceType: entry.sourceType, sourceId: entry.sourceId },
        });
        await writeAudit(tx, {
          action: 'knowledge.archived',
          entityType: 'knowledge',
          entityId: entryId,
          procedureId: entry.procedureId,
          detail: { sourceType: entry.sourceType, sourceId: entry.sourceId },
          key: `knowledge:${entry.sourceType}:${entry.sourceId}:${entry.procedureId}`,
        });
        return { entryId };
      });
    },
  };
}
