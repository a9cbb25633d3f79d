import { Link as MuiLink, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { StudyFacts as StudyView } from '../../activities';
import { FactList } from '../../../../admin/src/common/FactList';

export type { StudyFacts as StudyView } from '../../activities';

export const studyFileUrl = (id: string) => `/api/studies/${encodeURIComponent(id)}/file`;

/** A study's bibliographic facts and its file, as the evaluation's tasks and the study page show them. */
export function StudyFacts({ study, heading = true }: { study: StudyView | undefined; heading?: boolean }) {
  const translate = useTranslate();
  if (!study) return null;
  return (
    <>
      {heading && (
        <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
          {study.title}
        </Typography>
      )}
      <FactList
        rows={[
          ['resources.studies.fields.authors', study.authors],
          ['resources.studies.fields.publisher', study.publisher],
          ['resources.studies.fields.year', String(study.year)],
          ['resources.studies.fields.topics', study.topics.join(', ')],
          [
            'resources.studies.fields.link',
            study.link ? (
              <MuiLink key="l" href={study.link} target="_blank" rel="noopener noreferrer">
                {study.link}
              </MuiLink>
            ) : null,
          ],
          [
            'resources.studies.fields.fileName',
            study.fileName ? (
              <MuiLink key="f" href={studyFileUrl(study.id)} download={study.fileName} data-testid="study-file-link">
                {`${translate('app.study.download')}: ${study.fileName}`}
              </MuiLink>
            ) : null,
          ],
        ]}
      />
    </>
  );
}
