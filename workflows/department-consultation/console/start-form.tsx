import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  NumberInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { DurationInput } from '../../../admin/src/common/DurationInput';
import { withoutEmpty } from '../../../admin/src/common/schemaResolver';
import type { StartFormDefinition } from '../../../admin/src/modules/types';

/**
 * The structured answer, for who wants it: explained where it appears, with an example, and
 * closed until opened (open when it already has rows).
 */
function StructuredAnswer() {
  const translate = useTranslate();
  const rows = (useFormContext().getValues('answerForm') as unknown[] | undefined) ?? [];
  return (
    <Accordion defaultExpanded={rows.length > 0} disableGutters variant="outlined" sx={{ mt: 2, mb: 1 }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="answer-form-details" id="answer-form-summary">
        <Typography>{translate('app.start.answer_form_open')}</Typography>
      </AccordionSummary>
      <AccordionDetails id="answer-form-details">
        <Typography variant="body2">{translate('app.start.answer_form_explained')}</Typography>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('app.start.answer_form_example')}
        </Typography>
        <ArrayInput source="answerForm" label={false}>
          {/* A row wraps rather than hide its last fields on a narrow screen. */}
          <SimpleFormIterator inline sx={{ '& .RaSimpleFormIterator-form': { flexWrap: 'wrap' } }}>
            <TextInput source="label" label="app.start.field_label" helperText={false} sx={{ width: 300 }} />
            <SelectInput
              source="type"
              label="app.start.field_type"
              helperText={false}
              sx={{ width: 160 }}
              choices={[
                { id: 'text', name: 'app.start.field_text' },
                { id: 'number', name: 'app.start.field_number' },
                { id: 'yesno', name: 'app.start.field_yesno' },
              ]}
            />
            <BooleanInput source="required" label="app.start.field_required" helperText={false} />
            <TextInput source="unit" label="app.start.field_unit" helperText={false} sx={{ width: 200 }} />
            <NumberInput source="min" label="app.start.field_min" helperText={false} sx={{ width: 140 }} />
            <NumberInput source="max" label="app.start.field_max" helperText={false} sx={{ width: 140 }} />
          </SimpleFormIterator>
        </ArrayInput>
      </AccordionDetails>
    </Accordion>
  );
}

function Inputs() {
  return (
    <>
      <TextInput source="subject" label="app.start.subject" fullWidth isRequired />
      <TextInput source="question" label="app.start.question" multiline minRows={4} fullWidth isRequired />
      <ReferenceArrayInput source="departmentIds" reference="departments" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
        <CheckboxGroupInput label="app.start.departments" optionText="name" isRequired row />
      </ReferenceArrayInput>
      <DurationInput source="deadline" label="app.start.deadline" helperText="app.start.deadline_hint" />
      <StructuredAnswer />
    </>
  );
}

/** "Freie Plätze (Sprachkurse)" → "freie_plaetze_sprachkurse": the key a clerk never has to type. */
function keyOf(label: string): string {
  const plain = label
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (/^[a-z]/.test(plain) ? plain : `angabe_${plain}`).slice(0, 36).replace(/_+$/, '');
}

/** Each row of the structured answer gets its key from its label, one of its own. */
function prepare(values: Record<string, unknown>): Record<string, unknown> {
  const clean = withoutEmpty(values) as Record<string, unknown>;
  if (!Array.isArray(clean.answerForm)) return clean;
  const taken = new Set<string>();
  const answerForm = (clean.answerForm as Record<string, unknown>[]).map((row) => {
    const base = keyOf(typeof row.label === 'string' ? row.label : '');
    let key = base;
    for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
    taken.add(key);
    return { ...row, key };
  });
  return { ...clean, answerForm };
}

export const startForm: StartFormDefinition = { Inputs, prepare };
