import { Card, CardContent, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useMemo, useRef, useState } from 'react';
import { Form, Title, Toolbar, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useProcedureTypeChoices } from '../common/procedureTypes';
import { randomKey, schemaResolver } from '../common/schemaResolver';
import { SubmitButton } from '../common/SubmitButton';
import { submissionErrors } from '../dataProvider/http';
import { startFormFor } from '../modules';
import { procedureApi } from './procedureApi';

function StartForm({ type }: { type: string }) {
  const notify = useNotify();
  const redirect = useRedirect();
  const found = startFormFor(type);
  if (!found) throw new Error(`no start form for ${type}`);
  const { definition, schema } = found;
  const resolver = useMemo(() => schemaResolver(schema, definition.prepare), [schema, definition]);
  // A double click or a retried request starts the procedure once (the API's Idempotency-Key).
  const idempotencyKey = useMemo(() => randomKey(), [type]);
  const sent = useRef(false);
  return (
    <Form
      key={type}
      resolver={resolver}
      record={definition.defaults ?? {}}
      sanitizeEmptyValues={false}
      id="start-form"
      onSubmit={async (values: Record<string, unknown>) => {
        if (sent.current) return undefined;
        sent.current = true;
        try {
          const procedure = await procedureApi.start(type, values, idempotencyKey);
          notify('app.procedure.started', { type: 'success' });
          redirect(`/procedures/${encodeURIComponent(procedure.id)}/show`);
          return undefined;
        } catch (err) {
          sent.current = false;
          const fields = submissionErrors(err);
          if (fields) return fields;
          notify((err as Error).message, { type: 'error' });
          return undefined;
        }
      }}
    >
      <definition.Inputs />
      <Toolbar>
        <SubmitButton label="app.procedure.start" />
      </Toolbar>
    </Form>
  );
}

/** Start a procedure: pick its type, fill its start form (validated with the API's schema). */
export function ProcedureStart() {
  const translate = useTranslate();
  const choices = useProcedureTypeChoices();
  const [type, setType] = useState<string>(choices[0]?.id ?? '');
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.procedure.start_title')} />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('app.procedure.start_title')}
        </Typography>
        <RadioGroup
          row
          aria-label={translate('resources.procedures.fields.type')}
          value={type}
          onChange={(e) => setType(e.target.value)}
          name="procedure-type"
        >
          {choices.map((c) => (
            <FormControlLabel key={c.id} value={c.id} control={<Radio />} label={c.name} />
          ))}
        </RadioGroup>
        <StartForm type={type} />
      </CardContent>
    </Card>
  );
}
