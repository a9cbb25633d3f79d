import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { ShowWithEdit } from '../../../../admin/src/common/ShowWithEdit';
import { StartProcedureButton } from '../../../../admin/src/procedures/StartProcedureButton';
import { CallFacts, type CallView } from './CallFacts';
import { ReviewLink } from './ReviewLink';

function CallPage() {
  const call = useRecordContext<CallView & { id: string; reviewProcedureId: string | null }>();
  const translate = useTranslate();
  if (!call) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {call.title}
        </Typography>
        <CallFacts call={call} heading={false} />
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary">
            {translate('resources.funding-calls.fields.reviewProcedureId')}:
          </Typography>
          <ReviewLink />
          {!call.reviewProcedureId && (
            <StartProcedureButton type="funding-call-review" input={{ fundingCallId: call.id }} label="app.funding.start_review" done="app.funding.review_started" />
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

export function FundingCallShow() {
  return (
    <ShowWithEdit>
      <CallPage />
    </ShowWithEdit>
  );
}
