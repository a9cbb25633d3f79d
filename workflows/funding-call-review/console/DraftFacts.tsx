import { Link as MuiLink, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FactList } from '../../../admin/src/common/FactList';
import { PersonName } from '../../../admin/src/common/PersonName';
import { CallFacts, type CallView } from './funding-calls/CallFacts';

export interface DraftContext {
  call?: CallView;
  draft?: { summary: string; documentLink?: string };
  draftedBy?: string;
}

/** The application draft (summary, document) of a funding call, for sign-off and submission. */
export function DraftFacts({ task }: { task: { context?: Record<string, unknown> } }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as DraftContext;
  return (
    <>
      <CallFacts call={c.call} />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.funding.draft_summary')}
      </Typography>
      <FactList
        rows={[
          ['app.funding.draft_summary', c.draft?.summary],
          [
            'app.funding.document_link',
            c.draft?.documentLink ? (
              <MuiLink key="d" href={c.draft.documentLink} target="_blank" rel="noopener noreferrer">
                {c.draft.documentLink}
              </MuiLink>
            ) : null,
          ],
          ['app.funding.drafted_by', c.draftedBy ? <PersonName key="p" id={c.draftedBy} dative /> : null],
        ]}
      />
    </>
  );
}
