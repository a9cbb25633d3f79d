import { Box, Grid, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../common/DueMark';
import { apiFetch } from '../../dataProvider/http';
import { StepDiagram, type DiagramNode, type Tone } from './StepDiagram';
import { readingOrder, START, useStepWords, type MapEdge, type StepKind } from './steps';

export interface MapNode {
  key: string;
  label: string;
  kind: StepKind;
  state: 'done' | 'current' | 'ahead';
  at: string | null;
  by: string | null;
  byId: string | null;
  times: number;
  childProcedureId: string | null;
}

export interface ProcedureMapData {
  procedureId: string;
  type: string;
  status: string;
  outcome: string | null;
  nodes: MapNode[];
  edges: MapEdge[];
}

export const showPath = (id: string) => `/procedures/${encodeURIComponent(id)}/show`;

export function useProcedureMap(id: string, live: boolean) {
  return useQuery({
    queryKey: ['procedure-map', id],
    queryFn: async () => (await apiFetch(`/api/procedures/${encodeURIComponent(id)}/map`)).json as ProcedureMapData,
    refetchInterval: live ? 5000 : false,
  });
}

const swatch = { display: 'inline-block', width: 14, height: 14, borderRadius: 0.5, mr: 0.75, verticalAlign: 'middle' } as const;

/** What the colours mean, in words (the colours never say it alone). */
export function MapLegend({ items }: { items: [tone: Tone, label: string][] }) {
  const styles: Record<Tone, object> = {
    done: { bgcolor: '#e8f5e9', border: '1.5px solid #2e7d32' },
    current: { bgcolor: '#e3f2fd', border: '3px solid #0d47a1' },
    ahead: { bgcolor: '#fff', border: '1.5px dashed #8a8a8a' },
    busy: { bgcolor: '#e3f2fd', border: '3px solid #0d47a1' },
    quiet: { bgcolor: '#fff', border: '1.5px solid #607d8b' },
  };
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', mb: 1 }} aria-hidden="true">
      {items.map(([tone, label]) => (
        <Typography key={tone} variant="body2" component="span">
          <Box component="span" sx={{ ...swatch, ...styles[tone] }} />
          {label}
        </Typography>
      ))}
    </Stack>
  );
}

/**
 * A procedure on its map: what is done (who, when), where it stands now, what may come next and
 * what is still ahead; a consultation's node opens its own procedure. The list says it all again.
 */
export function ProcedureMap({ procedureId, live }: { procedureId: string; live: boolean }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const { data, error } = useProcedureMap(procedureId, live);
  const words = useStepWords(data?.type ?? '');
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (!data) return <Typography>{translate('ra.page.loading')}</Typography>;

  const when = (at: string | null) => formatDateTime(at, locale);
  const detail = (n: MapNode): string[] => {
    const lines: string[] = [];
    if (n.state === 'done' && n.kind !== 'end') {
      lines.push(n.by ? translate('app.map.done_by', { by: n.by, at: when(n.at) }) : translate('app.map.done_at', { at: when(n.at) }));
    }
    if (n.state === 'done' && n.kind === 'end') lines.push(translate('app.map.reached_at', { at: when(n.at) }));
    if (n.state === 'current') lines.push(n.by ? translate('app.map.current_by', { by: n.by, at: when(n.at) }) : translate('app.map.current_since', { at: when(n.at) }));
    if (n.times > 1) lines.push(translate('app.map.rounds', { smart_count: n.times }));
    return lines;
  };
  const stateWord = (n: MapNode) =>
    n.kind === 'end' ? translate(n.state === 'done' ? 'app.map.end_reached' : 'app.map.end_open') : translate(`app.map.state.${n.state}`);
  const nodes: DiagramNode[] = data.nodes.map((n) => ({
    key: n.key,
    kind: words.kind(n.kind),
    label: words.step(n),
    lines: [...detail(n), ...(n.childProcedureId ? [translate('app.map.open_child_hint')] : [])],
    tone: n.state,
    isEnd: n.kind === 'end',
    onOpen: n.childProcedureId ? () => navigate(showPath(n.childProcedureId as string)) : undefined,
  }));
  const edges = data.edges.map((e) => ({ ...e, label: words.edge(e) }));
  const current = data.nodes.filter((n) => n.state === 'current');
  const byKey = new Map(data.nodes.map((n) => [n.key, n]));
  const next = current.flatMap((c) =>
    data.edges
      .filter((e) => e.from === c.key && e.from !== START)
      .map((e) => ({ edge: e, to: byKey.get(e.to) }))
      .filter((x): x is { edge: MapEdge; to: MapNode } => !!x.to),
  );

  return (
    <Grid container spacing={2} data-testid="procedure-map" data-status={data.status}>
      <Grid size={12} sx={{ minWidth: 0 }}>
        <MapLegend
          items={[
            ['done', translate('app.map.state.done')],
            ['current', translate('app.map.state.current')],
            ['ahead', translate('app.map.state.ahead')],
          ]}
        />
        <StepDiagram nodes={nodes} edges={edges} startLabel={translate('app.map.start')} testId="map-diagram" />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }} sx={{ minWidth: 0 }}>
        {current.length > 0 && (
          <Box data-testid="map-now" sx={{ mb: 2 }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {translate('app.map.now')}
            </Typography>
            <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
              {current.map((n) => (
                <li key={n.key}>
                  {words.step(n)} — {detail(n).join(' · ')}
                </li>
              ))}
            </ul>
            {next.length > 0 && (
              <>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 1 }}>
                  {translate('app.map.next')}
                </Typography>
                <ul style={{ margin: 0, paddingLeft: '1.2em' }} data-testid="map-next">
                  {next.map(({ edge, to }) => (
                    <li key={`${edge.from}>${edge.to}`}>
                      {words.step(to)}
                      {words.edge(edge) ? ` (${words.edge(edge)})` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Box>
        )}
      </Grid>
      <Grid size={{ xs: 12, md: 7 }} sx={{ minWidth: 0 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }} id={`steps-${procedureId}`}>
          {translate('app.map.steps_in_order')}
        </Typography>
        <ol aria-labelledby={`steps-${procedureId}`} style={{ margin: 0, paddingLeft: '1.6em' }} data-testid="map-steps">
          {readingOrder(data.nodes, data.edges).map((n) => (
            <li key={n.key} data-step={n.key} data-state={n.state}>
              <strong style={{ fontWeight: n.state === 'current' ? 700 : 500 }}>{words.step(n)}</strong>
              {': '}
              {stateWord(n)}
              {detail(n).length > 0 ? ` — ${detail(n).join(' · ')}` : ''}
              {n.childProcedureId && (
                <>
                  {' · '}
                  <Link to={showPath(n.childProcedureId)} data-testid="map-child-link">
                    {translate('app.map.open_child')}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ol>
      </Grid>
    </Grid>
  );
}
