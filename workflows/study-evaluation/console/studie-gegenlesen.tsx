import { Typography } from '@mui/material';
import { ChipField, RecordContextProvider, ReferenceArrayField, SingleFieldList, useTranslate } from 'react-admin';
import { FactList } from '../../../admin/src/common/FactList';
import { PersonName } from '../../../admin/src/common/PersonName';
import { StudyFacts, type StudyView } from './studies/StudyFacts';
import { ChoiceInputs } from '../../../admin/src/common/ChoiceInputs';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

interface ReviewContext {
  study?: StudyView;
  evaluation?: { summary: string; relevance: number; departmentIds: string[]; keyFindings: string[] };
  summarisedBy?: string;
}

/** The evaluation to read a second time, beside the study. */
function Context({ task }: { task: { context?: Record<string, unknown> } }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as ReviewContext;
  const e = c.evaluation;
  return (
    <>
      <StudyFacts study={c.study} />
      {e && (
        <RecordContextProvider value={e}>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
            {translate('app.study.summary')}
          </Typography>
          <FactList
            rows={[
              ['app.study.summary', e.summary],
              ['app.study.relevance', translate(`app.study.relevance_${e.relevance}`)],
              [
                'app.study.departments',
                e.departmentIds.length > 0 ? (
                  <ReferenceArrayField key="d" source="departmentIds" reference="departments">
                    <SingleFieldList linkType={false}>
                      <ChipField source="name" size="small" />
                    </SingleFieldList>
                  </ReferenceArrayField>
                ) : null,
              ],
              ['app.study.key_findings', e.keyFindings.length > 0 ? e.keyFindings.map((k) => `• ${k}`).join('\n') : null],
              ['app.study.summarised_by', <PersonName key="p" id={c.summarisedBy} dative />],
            ]}
          />
        </RecordContextProvider>
      )}
    </>
  );
}

function Inputs() {
  return (
    <ChoiceInputs
      source="decision"
      label="app.study.decision"
      choices={[
        ['approve', 'app.study.approve'],
        ['revise', 'app.study.revise'],
      ]}
      text={{ source: 'comment', label: 'app.forms.comment' }}
    />
  );
}

export const taskForm: TaskFormDefinition = { Context, Inputs };
