import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { ShowWithEdit } from '../../../../admin/src/common/ShowWithEdit';
import { StartProcedureButton } from '../../../../admin/src/procedures/StartProcedureButton';
import { StudyFacts, type StudyView } from './StudyFacts';
import { StudyFileUpload } from './StudyFileUpload';

function StudyPage() {
  const study = useRecordContext<StudyView>();
  const translate = useTranslate();
  if (!study) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {study.title}
        </Typography>
        <StudyFacts study={study} heading={false} />
        <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
          {translate('app.study.file')}
        </Typography>
        {!study.fileName && <Typography>{translate('app.study.no_file')}</Typography>}
        <StudyFileUpload studyId={study.id} />
        <Stack direction="row" sx={{ mt: 2 }}>
          <StartProcedureButton type="study-evaluation" input={{ studyId: study.id }} label="app.study.start_evaluation" done="app.study.evaluation_started" />
        </Stack>
      </CardContent>
    </Card>
  );
}

export function StudyShow() {
  return (
    <ShowWithEdit>
      <StudyPage />
    </ShowWithEdit>
  );
}
