import { TextInput } from 'react-admin';
import { CallFacts, type CallView } from './funding-calls/CallFacts';
import { FeedbackNote } from '../../../admin/src/common/ChoiceInputs';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const c = (task.context ?? {}) as { call?: CallView; feedback?: string | null };
  return (
    <>
      <CallFacts call={c.call} />
      <FeedbackNote feedback={c.feedback} label="app.funding.feedback" />
    </>
  );
}

function Inputs() {
  return (
    <>
      <TextInput source="summary" label="app.funding.draft_summary" multiline minRows={4} fullWidth isRequired />
      <TextInput source="documentLink" label="app.funding.document_link" fullWidth />
    </>
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
