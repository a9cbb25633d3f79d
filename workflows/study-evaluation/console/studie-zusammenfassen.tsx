import { Typography } from '@mui/material';
import { SelectInput, TextArrayInput, TextInput, useTranslate } from 'react-admin';
import { StudyFacts, type StudyView } from './studies/StudyFacts';
import { FeedbackNote } from '../../../admin/src/common/ChoiceInputs';
import { DepartmentCheckboxes } from '../../../admin/src/common/DepartmentChoice';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

interface SummaryContext {
  study?: StudyView;
  feedback?: string | null;
  previous?: { summary: string; relevance: number; departmentIds: string[]; keyFindings: string[] } | null;
}

function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as SummaryContext;
  return (
    <>
      <StudyFacts study={c.study} />
      <FeedbackNote feedback={c.feedback} label="app.funding.feedback" />
      {c.previous && (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
            {translate('app.study.previous')}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{c.previous.summary}</Typography>
        </>
      )}
    </>
  );
}

function Inputs() {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="summary" label="app.study.summary" multiline minRows={5} fullWidth isRequired />
      <SelectInput
        source="relevance"
        label="app.study.relevance"
        helperText="app.study.relevance_hint"
        isRequired
        choices={[1, 2, 3, 4, 5].map((n) => ({ id: n, name: translate(`app.study.relevance_${n}`) }))}
      />
      <DepartmentCheckboxes source="departmentIds" label="app.study.departments" />
      <TextArrayInput source="keyFindings" label="app.study.key_findings" helperText="app.study.key_findings_hint" fullWidth />
    </>
  );
}

/** A returned evaluation starts from what was written before. */
function defaults(task: { context?: Record<string, unknown> }) {
  const previous = (task.context as SummaryContext | undefined)?.previous;
  return previous ? { ...previous } : { departmentIds: [], keyFindings: [] };
}

export const taskForm: TaskFormDefinition = { Context, Inputs, defaults };
