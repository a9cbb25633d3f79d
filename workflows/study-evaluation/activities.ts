import { ApplicationFailure } from '@temporalio/activity';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { studies, studyColumns } from './schema';

export interface StudyFacts {
  id: string;
  title: string;
  authors: string;
  publisher: string | null;
  year: number;
  link: string | null;
  topics: string[];
  fileName: string | null;
}

export function studyEvaluationActivities({ db }: { db: Db }) {
  return {
    /** The study as it is registered now: the tasks show it, the archive keeps its title and topics. */
    async loadStudy(input: { studyId: string }): Promise<StudyFacts> {
      const [study] = await db.select(studyColumns).from(studies).where(eq(studies.id, input.studyId));
      // Checked at the start and not deletable while evaluated: gone means gone, retrying cannot help.
      if (!study) throw ApplicationFailure.nonRetryable(`unbekannte Studie: ${input.studyId}`, 'UnknownStudy');
      const { id, title, authors, publisher, year, link, topics, fileName } = study;
      return { id, title, authors, publisher, year, link, topics, fileName };
    },
  };
}
