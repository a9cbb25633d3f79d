import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { crudResource } from '../../api/crud';
import { HttpError } from '../../api/errors';
import type { Api } from '../../api/route';
import { webAddress, webAddressRule } from '../../api/web-address';
import type { Db } from '../../db/client';
import { procedures } from '../../db/schema';
import { studies, studyColumns } from './schema';
import { studyFileRoutes } from './study-files';

// A study from the future is a typo; one a year ahead is a publisher's imprint date.
const latestYear = () => new Date().getFullYear() + 1;

/** Console forms send '' for a cleared optional field; it means "none". */
const emptyAsNull = (v: unknown) => (v === '' ? null : v);

export const topicSchema = z
  .string()
  .trim()
  .min(1, 'ein Thema braucht mindestens 1 Zeichen')
  .max(60, 'höchstens 60 Zeichen je Thema');

export const topicsSchema = z
  .array(topicSchema)
  .max(20, 'höchstens 20 Themen')
  // The same topic twice says nothing more; the first spelling wins.
  .transform((topics) => topics.filter((t, i) => topics.findIndex((o) => o.toLowerCase() === t.toLowerCase()) === i));

const studyFields = {
  title: z.string().trim().min(3, 'Bitte einen Titel mit mindestens 3 Zeichen angeben').max(300),
  authors: z.string().trim().min(2, 'Bitte die Autorinnen und Autoren angeben').max(1000),
  publisher: z.preprocess(emptyAsNull, z.string().trim().max(300).nullable()).optional(),
  year: z
    .number({ error: 'eine Jahreszahl' })
    .int('eine ganze Jahreszahl')
    .min(1900, 'frühestens 1900')
    .refine((y) => y <= latestYear(), { message: 'das Jahr liegt in der Zukunft' }),
  link: z
    .preprocess(emptyAsNull, webAddress().nullable())
    .optional(),
  topics: topicsSchema.optional(),
};

const studyRules = [
  'title: mindestens 3 Zeichen, Leerzeichen am Anfang und Ende nicht mitgezählt',
  'authors: mindestens 2 Zeichen, Leerzeichen am Anfang und Ende nicht mitgezählt',
  'year: das Erscheinungsjahr liegt nicht in der Zukunft (höchstens im nächsten Jahr, dem Jahr eines Vorabdrucks)',
  webAddressRule('link'),
];

export const studyCreate = z.strictObject(studyFields);
export const studyUpdate = z.strictObject(studyFields).partial();

export const studySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    authors: z.string(),
    publisher: z.string().nullable(),
    year: z.number(),
    link: z.string().nullable(),
    topics: z.array(z.string()),
    fileName: z.string().nullable(),
    fileType: z.string().nullable(),
    fileSize: z.number().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Study' });

/** The evaluations of a study that have not ended. */
export function runningEvaluationsOf(db: Db, studyId: string) {
  return db
    .select({ id: procedures.id })
    .from(procedures)
    .where(
      and(
        eq(procedures.type, 'study-evaluation'),
        eq(procedures.status, 'running'),
        sql`${procedures.input} ->> 'studyId' = ${studyId}`,
      ),
    );
}

export function studyRoutes(api: Api, db: Db) {
  crudResource(api, db, {
    resource: 'studies',
    label: 'Studie',
    table: studies,
    idColumn: studies.id,
    columns: studyColumns,
    searchColumns: [studies.title, studies.authors, studies.publisher],
    filters: {
      // Within the years a study can have: beyond them PostgreSQL's integer would refuse the filter.
      year: { column: studies.year, schema: z.number().int().min(1900).max(2200) },
      topic: {
        column: studies.topics,
        schema: topicSchema,
        where: (topic) => sql`exists (select 1 from unnest(${studies.topics}) t where lower(t) = lower(${topic as string}))`,
      },
      createdBy: { column: studies.createdBy, schema: z.uuid() },
    },
    defaultSort: desc(studies.createdAt),
    read: 'user',
    write: ['staff', 'manager', 'admin'],
    schema: studySchema,
    create: { body: studyCreate, rules: studyRules, toRow: (b, user) => ({ ...b, topics: b.topics ?? [], createdBy: user.id }) },
    update: { body: studyUpdate, rules: studyRules, toRow: (b) => b },
    async beforeDelete(id) {
      const running = await runningEvaluationsOf(db, id);
      if (running.length > 0) {
        throw HttpError.conflict(`Die Studie wird gerade ausgewertet (${running.map((r) => r.id).join(', ')}); bitte erst danach löschen`);
      }
    },
  });
  studyFileRoutes(api, db);
}
