import SchemaIcon from '@mui/icons-material/Schema';
import { Card, CardContent, Grid, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { useProcedureTypeLabel } from '../common/procedureTypes';
import { apiFetch } from '../dataProvider/http';
import { listPath, typePath } from './paths';
import { MapLegend } from '../procedures/map/ProcedureMap';
import { StepDiagram, type DiagramNode } from '../procedures/map/StepDiagram';
import { fetchProcedureTypes, readingOrder, useDuration, useStepWords, type StepKind } from '../procedures/map/steps';

// A page per procedure type: its map with how many running procedures wait at each step now and
// how long each step took (median, 90th percentile, the last 12 months). Managers and admins.

interface StepStats {
  key: string;
  label: string;
  kind: StepKind;
  waiting: number;
  medianMs: number | null;
  p90Ms: number | null;
  samples: number;
}


function useTypes() {
  return useQuery({ queryKey: ['procedure-types'], queryFn: fetchProcedureTypes, staleTime: 300_000 });
}

function ProcedureTypeList() {
  const translate = useTranslate();
  const typeLabel = useProcedureTypeLabel();
  const dataProvider = useDataProvider();
  const { data: types } = useTypes();
  const { data: running } = useQuery({
    queryKey: ['running-by-type', types?.map((t) => t.id)],
    enabled: !!types,
    queryFn: async () =>
      Object.fromEntries(
        await Promise.all(
          (types ?? []).map(async (t) => {
            const { total } = await dataProvider.getList('procedures', {
              filter: { type: t.id, status: 'running' },
              pagination: { page: 1, perPage: 1 },
              sort: { field: 'startedAt', order: 'DESC' },
            });
            return [t.id, total ?? 0] as const;
          }),
        ),
      ),
  });
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Title title={translate('resources.procedure-types.name', { smart_count: 2 })} />
      <Typography variant="h5" component="h1">
        {translate('resources.procedure-types.name', { smart_count: 2 })}
      </Typography>
      <Typography>{translate('app.procedure_type.intro')}</Typography>
      <Grid container spacing={2}>
        {(types ?? [])
          .slice()
          .sort((a, b) => typeLabel(a.id).localeCompare(typeLabel(b.id)))
          .map((t) => (
            <Grid key={t.id} size={{ xs: 12, sm: 6, lg: 4 }}>
              <Card variant="outlined" data-testid="procedure-type-card">
                <CardContent>
                  <Typography variant="h6" component="h2">
                    <Link to={typePath(t.id)}>{typeLabel(t.id)}</Link>
                  </Typography>
                  <Typography variant="body2">
                    {translate('app.procedure_type.steps', { smart_count: t.steps.nodes.filter((n) => n.kind !== 'end').length })}
                    {' · '}
                    <Link to={listPath({ type: t.id, status: ['running'] })}>
                      {translate('app.procedure_type.running', { smart_count: running?.[t.id] ?? 0 })}
                    </Link>
                  </Typography>
                </CardContent>
              </Card>
            </Grid>
          ))}
      </Grid>
    </Stack>
  );
}

function ProcedureTypeShow() {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const typeLabel = useProcedureTypeLabel();
  const duration = useDuration();
  const words = useStepWords(id);
  const { data: types } = useTypes();
  const { data: stats, error } = useQuery({
    queryKey: ['procedure-type-stats', id],
    queryFn: async () => (await apiFetch(`/api/procedure-types/${encodeURIComponent(id)}/stats`)).json as StepStats[],
    refetchInterval: 30_000,
  });
  const type = types?.find((t) => t.id === id);
  if (error) return <Typography color="error" sx={{ p: 2 }}>{(error as Error).message}</Typography>;
  if (!type || !stats) return <Typography sx={{ p: 2 }}>{translate('ra.page.loading')}</Typography>;
  const byKey = new Map(stats.map((s) => [s.key, s]));
  const number = (n: number) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE');
  const nodes: DiagramNode[] = type.steps.nodes.map((n) => {
    const s = byKey.get(n.key);
    const lines: string[] = [];
    if (s && s.waiting > 0) lines.push(translate('app.procedure_type.waiting_now', { smart_count: s.waiting, n: number(s.waiting) }));
    if (s && s.medianMs !== null) lines.push(translate('app.procedure_type.durations', { median: duration(s.medianMs, locale), p90: duration(s.p90Ms, locale) }));
    return { key: n.key, kind: words.kind(n.kind), label: words.step(n), lines, tone: s && s.waiting > 0 ? 'busy' : 'quiet', isEnd: n.kind === 'end' };
  });
  const edges = type.steps.edges.map((e) => ({ ...e, label: words.edge(e) }));
  const waitingTotal = stats.reduce((sum, s) => sum + s.waiting, 0);
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="procedure-type-page" data-type={id}>
      <Title title={typeLabel(id)} />
      <Typography variant="h5" component="h1">
        {typeLabel(id)}
      </Typography>
      <Typography>
        {translate('app.procedure_type.summary', { smart_count: waitingTotal, n: number(waitingTotal) })}{' '}
        <Link to={listPath({ type: id, status: ['running'] })} data-testid="type-running-link">
          {translate('app.procedure_type.open_list')}
        </Link>
      </Typography>
      <Card variant="outlined" component="section" aria-labelledby="type-map-title">
        <CardContent>
          <Typography variant="h6" component="h2" id="type-map-title" gutterBottom>
            {translate('app.procedure_type.map')}
          </Typography>
          <MapLegend
            items={[
              ['busy', translate('app.procedure_type.legend_busy')],
              ['quiet', translate('app.procedure_type.legend_quiet')],
            ]}
          />
          <StepDiagram nodes={nodes} edges={edges} startLabel={translate('app.map.start')} testId="type-diagram" />
        </CardContent>
      </Card>
      <Card variant="outlined" component="section" aria-labelledby="type-table-title">
        <CardContent>
          <Typography variant="h6" component="h2" id="type-table-title" gutterBottom>
            {translate('app.procedure_type.table')}
          </Typography>
          <Table size="small" aria-labelledby="type-table-title" data-testid="type-stats">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.procedure_type.step')}</TableCell>
                <TableCell align="right">{translate('app.procedure_type.waiting')}</TableCell>
                <TableCell align="right">{translate('app.procedure_type.median')}</TableCell>
                <TableCell align="right">{translate('app.procedure_type.p90')}</TableCell>
                <TableCell align="right">{translate('app.procedure_type.samples')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {readingOrder(type.steps.nodes, type.steps.edges).map((n) => {
                const s = byKey.get(n.key);
                return (
                  <TableRow key={n.key} data-step={n.key} data-waiting={s?.waiting ?? 0}>
                    <TableCell>
                      {words.step(n)}
                      <Typography variant="caption" component="span" color="text.secondary">
                        {' '}
                        ({words.kind(n.kind)})
                      </Typography>
                    </TableCell>
                    <TableCell align="right">{number(s?.waiting ?? 0)}</TableCell>
                    <TableCell align="right">{duration(s?.medianMs ?? null, locale)}</TableCell>
                    <TableCell align="right">{duration(s?.p90Ms ?? null, locale)}</TableCell>
                    <TableCell align="right">{number(s?.samples ?? 0)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('app.procedure_type.durations_note')}{' '}
            <MuiLink component={Link} to="/procedure-types">
              {translate('app.procedure_type.all_types')}
            </MuiLink>
          </Typography>
        </CardContent>
      </Card>
    </Stack>
  );
}

export default { list: ProcedureTypeList, show: ProcedureTypeShow, icon: SchemaIcon };
