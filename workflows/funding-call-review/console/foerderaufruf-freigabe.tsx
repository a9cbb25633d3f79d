import { Typography } from '@mui/material';
import { ReferenceField, RecordContextProvider, useTranslate } from 'react-admin';
import { FactList } from '../../../admin/src/common/FactList';
import { useFormats } from '../../../admin/src/common/numbers';
import { PersonName } from '../../../admin/src/common/PersonName';
import { CallFacts, type CallView } from './funding-calls/CallFacts';
import { ApprovalInputs } from '../../../admin/src/common/ApprovalInputs';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

interface ApprovalContext {
  call?: CallView;
  decision?: { decision: string; reason: string; leadDepartmentId?: string; ownShare?: number };
  decidedBy?: string;
}

/** The decision to approve, beside the call it is about. */
function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const translate = useTranslate();
  const f = useFormats();
  const c = (task.context ?? {}) as ApprovalContext;
  const d = c.decision;
  return (
    <>
      <CallFacts call={c.call} />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.funding.decision')}
      </Typography>
      {d && (
        <RecordContextProvider value={d}>
          <FactList
            rows={[
              ['app.funding.decision', translate(d.decision === 'apply' ? 'app.funding.apply' : 'app.funding.dont_apply')],
              ['app.funding.reason', d.reason],
              ['app.funding.lead_department', d.leadDepartmentId ? <ReferenceField key="l" source="leadDepartmentId" reference="departments" link={false} /> : null],
              ['app.funding.own_share', d.ownShare === undefined ? null : f.euro(d.ownShare)],
              ['app.funding.decided_by', <PersonName key="p" id={c.decidedBy} dative />],
            ]}
          />
        </RecordContextProvider>
      )}
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs: ApprovalInputs };
