import { Box, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Show, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/DueMark';
import { PersonName } from '../common/PersonName';
import { useProcedureTypeLabel } from '../common/procedureTypes';
import { CancelButton } from './CancelButton';
import type { Procedure } from './procedureApi';
import { ProcedureRelations } from './ProcedureRelations';
import { Timeline } from './Timeline';

const statusColor = { running: 'info', completed: 'success', cancelled: 'default', failed: 'error' } as const;

function ProcedurePage() {
  const p = useRecordContext<Procedure>();
  const translate = useTranslate();
  const typeLabel = useProcedureTypeLabel();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  // The end of a procedure is news for its history too, which stops polling then.
  useEffect(() => {
    if (p) void queryClient.invalidateQueries({ queryKey: ['procedure-history', p.id] });
  }, [p?.id, p?.status, queryClient]);
  if (!p) return null;
  const facts: [string, React.ReactNode][] = [
    ['resources.procedures.fields.type', typeLabel(p.type)],
    ['resources.procedures.fields.currentStep', p.currentStep ?? '–'],
    ['resources.procedures.fields.outcome', p.outcome ?? '–'],
    ['resources.procedures.fields.startedBy', <PersonName key="s" id={p.startedBy} />],
    ['resources.procedures.fields.startedAt', formatDateTime(p.startedAt, locale)],
    ['resources.procedures.fields.endedAt', formatDateTime(p.endedAt, locale)],
  ];
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="h5" component="h1">
                {p.title}
              </Typography>
              <Chip label={translate(`app.procedure_status.${p.status}`)} color={statusColor[p.status]} data-testid="procedure-status" data-status={p.status} />
              <CancelButton procedure={p} />
            </Stack>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, mt: 2 }}>
              {facts.map(([label, value]) => (
                <Box key={label} sx={{ display: 'contents' }}>
                  <Typography component="dt" variant="body2" color="text.secondary">
                    {translate(label)}
                  </Typography>
                  <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                    {value}
                  </Typography>
                </Box>
              ))}
            </Box>
            <ProcedureRelations procedure={p} />
            <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
              {translate('app.timeline.title')}
            </Typography>
            <Timeline procedureId={p.id} live={p.status === 'running'} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('app.timeline.audit')}
            </Typography>
            <Timeline procedureId={p.id} sources={['audit']} dense live={p.status === 'running'} />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

export function ProcedureShow() {
  return (
    // While it runs, the page follows it: the step, the status, the outcome.
    <Show actions={false} component="div" queryOptions={{ refetchInterval: (query) => ((query.state.data as Procedure | undefined)?.status === 'running' ? 5000 : false) }}>
      <ProcedurePage />
    </Show>
  );
}
