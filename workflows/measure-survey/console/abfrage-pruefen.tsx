import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { CheckboxGroupInput, TextInput, useTranslate } from 'react-admin';
import { useFormats } from '../../../admin/src/common/numbers';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';
import type { Task } from '../../../admin/src/tasks/taskApi';
import type { MeasureAnswer, SurveyedProvider } from '../texts';

interface CheckContext {
  year?: number;
  providers?: (SurveyedProvider & { answered: boolean; answerText: string | null; answers: Record<string, MeasureAnswer> })[];
  unanswered?: { id: string; name: string }[];
  unreachable?: { id: string; name: string }[];
}

const contextOf = (task: Task) => (task.context ?? {}) as CheckContext;

/** Each answering provider's measures: what the registry says beside what the provider reported. */
function Context({ task }: { task: Task }) {
  const translate = useTranslate();
  const f = useFormats();
  const c = contextOf(task);
  const yesNo = (v: boolean | null) => (v === null ? '–' : translate(`ra.boolean.${String(v)}`));
  return (
    <>
      {(c.providers ?? [])
        .filter((p) => p.answered)
        .map((p) => (
          <section key={p.id} aria-label={p.name}>
            <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
              {p.name}
            </Typography>
            {p.answerText && <Typography sx={{ whiteSpace: 'pre-wrap' }}>{p.answerText}</Typography>}
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.survey.measure')}</TableCell>
                  <TableCell align="right">{translate('app.survey.registered')}</TableCell>
                  <TableCell align="right">{translate('app.survey.reported')}</TableCell>
                  <TableCell>{translate('app.survey.running')}</TableCell>
                  <TableCell>{translate('app.survey.funding')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {p.measures.map((m) => {
                  const a = p.answers[m.id];
                  return (
                    <TableRow key={m.id}>
                      <TableCell>{m.title}</TableCell>
                      <TableCell align="right">{m.participantsPerYear === null ? '–' : f.number(m.participantsPerYear, 0)}</TableCell>
                      <TableCell align="right">{a?.participants == null ? '–' : f.number(a.participants, 0)}</TableCell>
                      <TableCell>{yesNo(a?.running ?? null)}</TableCell>
                      <TableCell>{a?.funding ?? '–'}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </section>
        ))}
      {(c.unanswered ?? []).length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {translate('app.survey.unanswered')}: {(c.unanswered ?? []).map((p) => p.name).join(', ')}
        </Alert>
      )}
      {(c.unreachable ?? []).length > 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('app.survey.unreachable')}: {(c.unreachable ?? []).map((p) => p.name).join(', ')}
        </Alert>
      )}
    </>
  );
}

const answeredMeasures = (task: Task) => (contextOf(task).providers ?? []).filter((p) => p.answered).flatMap((p) => p.measures.map((m) => ({ ...m, provider: p.name })));

function Inputs({ task }: { task: Task }) {
  return (
    <>
      <CheckboxGroupInput
        source="apply"
        label="app.survey.apply"
        choices={answeredMeasures(task).map((m) => ({ id: m.id, name: `${m.title} (${m.provider})` }))}
        row={false}
      />
      <TextInput source="note" label="app.survey.note" multiline minRows={2} fullWidth />
    </>
  );
}

// Every reported correction is proposed; staff untick what they do not take.
export const taskForm: TaskFormDefinition = { Context, Inputs, defaults: (task) => ({ apply: answeredMeasures(task).map((m) => m.id) }) };
