import { Box, Typography } from '@mui/material';
import { BooleanInput, NumberInput, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { OpenField } from '../shared';
import { useFormats } from '../../../admin/src/common/numbers';
import type { Task } from '../../../admin/src/tasks/taskApi';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';

const openOf = (task: Task) => ((task.context as { open?: OpenField[] } | undefined)?.open ?? []);

function Context({ task }: { task: Task }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as { label?: string };
  return (
    <Typography>
      {c.label} · {translate('app.monitoring.open_values')}: {openOf(task).length}
    </Typography>
  );
}

/** One open value: what came (or that nothing came) and why it is open, then the settled value. */
function OpenValue({ field }: { field: OpenField }) {
  const translate = useTranslate();
  const f = useFormats();
  const unavailable = useWatch({ name: `values.${field.field}.unavailable` }) as boolean | undefined;
  const range = `${f.number(field.plausibleMin)} – ${f.number(field.plausibleMax)} ${field.unit}`;
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, mb: 2, p: 1.5 }} data-testid="open-value">
      <Typography component="legend" sx={{ px: 0.5, fontWeight: 600 }}>
        {field.indicatorName} – {field.disaggregationLabel} ({field.departmentName})
      </Typography>
      <Typography variant="body2">
        {translate('app.monitoring.reported')}: {field.reported === null ? translate('app.monitoring.missing') : `${f.number(field.reported)} ${field.unit}`}
        {field.reason === 'out_of_range' ? ` · ${translate('app.monitoring.out_of_range')} (${translate('app.monitoring.plausible')}: ${range})` : ''}
      </Typography>
      {field.departmentComment && (
        <Typography variant="body2">
          {translate('app.monitoring.department_comment')}: {field.departmentComment}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <NumberInput source={`values.${field.field}.value`} label="app.monitoring.clarified_value" disabled={unavailable === true} />
        <BooleanInput source={`values.${field.field}.unavailable`} label="app.monitoring.unavailable" />
      </Box>
      <TextInput source={`values.${field.field}.comment`} label="app.monitoring.clarification" fullWidth isRequired />
    </Box>
  );
}

function Inputs({ task }: { task: Task }) {
  return (
    <>
      {openOf(task).map((field) => (
        <OpenValue key={field.field} field={field} />
      ))}
    </>
  );
}

/** The reported value to start from; "not available" becomes the schema's null. */
function defaults(task: Task) {
  return { values: Object.fromEntries(openOf(task).map((f) => [f.field, { value: f.reported, unavailable: false }])) };
}

function prepare(values: Record<string, unknown>) {
  const entries = Object.entries((values.values ?? {}) as Record<string, { value?: number | null; unavailable?: boolean; comment?: string }>);
  return {
    values: Object.fromEntries(
      entries.map(([key, v]) => {
        const value = v.unavailable ? null : v.value === null ? undefined : v.value;
        return [key, { ...(value !== undefined ? { value } : {}), ...(v.comment ? { comment: v.comment } : {}) }];
      }),
    ),
  };
}

export const taskForm: TaskFormDefinition = { Context, Inputs, defaults, prepare };
