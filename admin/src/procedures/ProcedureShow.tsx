import { Box, Card, CardContent, Chip, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Link, Show, useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { DueMark, formatDateTime } from '../common/DueMark';
import { PersonName } from '../common/PersonName';
import { Responsible } from '../common/Responsible';
import { useStepName } from '../common/stepName';
import { useProcedureTypeLabel } from '../common/procedureTypes';
import { lazyNamed } from '../common/lazyPages';
import { typePath } from '../procedure-types/paths';
import { CancelButton } from './CancelButton';
import { NoteButton } from './NoteButton';
import { DepartmentRequests } from './DepartmentRequests';
import type { Procedure } from './procedureApi';
import { ProcedureRelations } from './ProcedureRelations';
import { Timeline } from './Timeline';

// The map's layout (dagre) is a chunk of its own: the page's facts and history do not wait for it.
const ProcedureMap = lazyNamed(() => import('./map/ProcedureMap'), 'ProcedureMap');

// 'info' (light blue) fails the contrast of white text; the theme's primary holds it.
const statusColor = { running: 'primary', completed: 'success', cancelled: 'default', failed: 'error' } as const;

function ProcedurePage() {
  const p = useRecordContext<Procedure>();
  const translate = useTranslate();
  const stepName = useStepName();
  const typeLabel = useProcedureTypeLabel();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const { canAccess: seesTypes } = useCanAccess({ resource: 'procedure-types', action: 'show' });
  // The end of a procedure is news for its history and its map too, which stop polling then.
  useEffect(() => {
    if (!p) return;
    void queryClient.invalidateQueries({ queryKey: ['procedure-history', p.id] });
    void queryClient.invalidateQueries({ queryKey: ['procedure-map', p.id] });
    void queryClient.invalidateQueries({ queryKey: ['procedure-requests', p.id] });
  }, [p?.id, p?.status, queryClient]);
  if (!p) return null;
  const running = p.status === 'running';
  const facts: [string, React.ReactNode][] = [
    ['resources.procedures.fields.type', seesTypes ? <Link to={typePath(p.type)}>{typeLabel(p.type)}</Link> : typeLabel(p.type)],
    ['resources.procedures.fields.currentStep', p.currentStep ? stepName(p.type, p.currentStepKey, p.currentStep) : '–'],
    ...(running
      ? ([
          ['resources.procedures.fields.nextDueAt', <DueMark key="d" dueAt={p.nextDueAt} status={p.status} />],
          ['resources.procedures.fields.responsibleId', <Responsible key="r" id={p.responsibleId} role={p.responsibleRole} />],
        ] as [string, React.ReactNode][])
      : []),
    ...(p.requestsAsked > 0
      ? ([['resources.procedures.fields.requestsAnswered', translate('app.procedure.answers_of', { answered: p.requestsAnswered, asked: p.requestsAsked })]] as [string, React.ReactNode][])
      : []),
    ['resources.procedures.fields.outcome', p.outcome ?? '–'],
    ['resources.procedures.fields.startedBy', <PersonName key="s" id={p.startedBy} dative />],
    ['resources.procedures.fields.startedAt', formatDateTime(p.startedAt, locale)],
    ['resources.procedures.fields.endedAt', formatDateTime(p.endedAt, locale)],
  ];
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12} sx={{ minWidth: 0 }}>
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
                  <Typography component="dd" variant="body2" sx={{ m: 0 }} data-fact={label.split('.').pop()}>
                    {value}
                  </Typography>
                </Box>
              ))}
            </Box>
            <ProcedureRelations procedure={p} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={12} sx={{ minWidth: 0 }}>
        <Card variant="outlined" component="section" aria-labelledby="map-title">
          <CardContent>
            <Typography variant="h6" component="h2" id="map-title" gutterBottom>
              {translate('app.map.title')}
            </Typography>
            <Suspense fallback={<LinearProgress />}>
              <ProcedureMap procedureId={p.id} live={running} />
            </Suspense>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={12} sx={{ minWidth: 0 }}>
        <Card variant="outlined" sx={{ '&:has(> .MuiCardContent-root:empty)': { display: 'none' } }}>
          <CardContent sx={{ '&:empty': { display: 'none' } }}>
            <DepartmentRequests procedureId={p.id} live={running} title={translate('app.relations.requests')} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 7 }} sx={{ minWidth: 0 }}>
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h2">
                {translate('app.timeline.title')}
              </Typography>
              <NoteButton procedureId={p.id} />
            </Stack>
            <Timeline procedureId={p.id} live={running} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }} sx={{ minWidth: 0 }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('app.timeline.audit')}
            </Typography>
            <Timeline procedureId={p.id} sources={['audit']} dense live={running} />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

export function ProcedureShow() {
  return (
    // While it runs, the page follows it: the step, the status, the outcome.
    // min-width 0: a wide table scrolls in its own box instead of widening the page.
    <Show actions={false} component="div" sx={{ '& .RaShow-card': { minWidth: 0 } }} queryOptions={{ refetchInterval: (query) => ((query.state.data as Procedure | undefined)?.status === 'running' ? 5000 : false) }}>
      <ProcedurePage />
    </Show>
  );
}
