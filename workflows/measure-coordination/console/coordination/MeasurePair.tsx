import { Alert, Box, Paper, Typography } from '@mui/material';
import { Link, RecordContextProvider, useTranslate } from 'react-admin';
import { FactList } from '../../../../admin/src/common/FactList';
import type { MeasureView } from '../../texts';
import { Period } from '../measures/Period';

export type { MeasureView };

export interface PairContext {
  measures?: MeasureView[];
  reachableProviderIds?: string[];
}

function MeasureCard({ measure, heading, reachable }: { measure: MeasureView; heading: string; reachable: boolean }) {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: '1 1 18rem', minWidth: 0 }} component="section" aria-label={translate(heading)}>
      <Typography variant="overline" component="p">
        {translate(heading)}
      </Typography>
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        <Link to={`/measures/${measure.id}/show`}>{measure.title}</Link>
      </Typography>
      <RecordContextProvider value={measure}>
        <FactList
          rows={[
            ['app.coordination.provider', measure.providerName],
            ['resources.measures.fields.fieldOfAction', translate(`app.field_of_action.${measure.fieldOfAction}`)],
            ['app.coordination.target_groups', measure.targetGroups.map((g) => translate(`app.target_group.${g}`)).join(', ')],
            ['app.coordination.districts', measure.districts.join(', ')],
            ['app.coordination.period', <Period key="p" />],
            ['app.coordination.participants', measure.participantsPerYear],
            ['resources.measures.fields.description', measure.description],
          ]}
        />
      </RecordContextProvider>
      {!reachable && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('app.coordination.unreachable')}
        </Alert>
      )}
    </Paper>
  );
}

/** The two measures side by side: what the overlap is about, on every task of the coordination. */
export function MeasurePair({ context }: { context: PairContext }) {
  const [first, second] = context.measures ?? [];
  if (!first || !second) return null;
  const reachable = (m: MeasureView) => !context.reachableProviderIds || context.reachableProviderIds.includes(m.providerId);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
      <MeasureCard measure={first} heading="app.coordination.first" reachable={reachable(first)} />
      <MeasureCard measure={second} heading="app.coordination.second" reachable={reachable(second)} />
    </Box>
  );
}
