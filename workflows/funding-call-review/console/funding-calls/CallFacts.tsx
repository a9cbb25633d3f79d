import { Link as MuiLink, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FactList } from '../../../../admin/src/common/FactList';
import { useFormats } from '../../../../admin/src/common/numbers';

/** A funding call as the review's tasks carry it (deadline in milliseconds) or the API lists it (ISO). */
export interface CallView {
  id?: string;
  source: string;
  funder: string;
  title: string;
  summary?: string;
  topics?: string[];
  budget: number | null;
  cofinancingShare: number | null;
  submissionDeadline: number | string | null;
  link: string;
}

/** What the call offers and until when: the facts every step of its review is judged by. */
export function CallFacts({ call, heading = true }: { call: CallView | undefined; heading?: boolean }) {
  const translate = useTranslate();
  const f = useFormats();
  if (!call) return null;
  return (
    <>
      {heading && (
        <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
          {call.title}
        </Typography>
      )}
      <FactList
        rows={[
          ['resources.funding-calls.fields.funder', call.funder],
          ['resources.funding-calls.fields.source', translate(`app.funding_source.${call.source}`, { _: call.source })],
          ['resources.funding-calls.fields.budget', call.budget === null ? null : f.euro(call.budget)],
          ['resources.funding-calls.fields.cofinancingShare', call.cofinancingShare === null ? null : `${f.number(call.cofinancingShare)} %`],
          ['resources.funding-calls.fields.submissionDeadline', call.submissionDeadline === null ? null : f.date(call.submissionDeadline)],
          ['resources.funding-calls.fields.topics', call.topics?.join(', ')],
          [
            'resources.funding-calls.fields.link',
            <MuiLink key="l" href={call.link} target="_blank" rel="noopener noreferrer">
              {call.link}
            </MuiLink>,
          ],
          ['resources.funding-calls.fields.summary', call.summary],
        ]}
      />
    </>
  );
}
