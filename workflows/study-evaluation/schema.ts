import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, tstz, users } from '../../db/schema';

/** A study or publication the office evaluates (Studienauswertung); its file lives in study_files. */
export const studies = pgTable(
  'studies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    authors: text('authors').notNull(),
    publisher: text('publisher'),
    year: integer('year').notNull(),
    link: text('link'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    // The uploaded file's facts, beside the study so lists need no join; the bytes are in study_files.
    fileName: text('file_name'),
    fileType: text('file_type'),
    fileSize: integer('file_size'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('studies_created').on(t.createdAt)],
);

/** A study as the application reads it (the API, the evaluation's tasks). */
export const studyColumns = {
  id: studies.id,
  title: studies.title,
  authors: studies.authors,
  publisher: studies.publisher,
  year: studies.year,
  link: studies.link,
  topics: studies.topics,
  fileName: studies.fileName,
  fileType: studies.fileType,
  fileSize: studies.fileSize,
  createdBy: studies.createdBy,
  createdAt: studies.createdAt,
};

export const studyFiles = pgTable('study_files', {
  studyId: uuid('study_id')
    .primaryKey()
    .references(() => studies.id, { onDelete: 'cascade' }),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  uploadedAt: tstz('uploaded_at').notNull().defaultNow(),
});
