import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FactList } from '../../../../admin/src/common/FactList';
import { PersonName } from '../../../../admin/src/common/PersonName';
import type { MeasureView } from './MeasurePair';

export interface DecisionView {
  decision: string;
  measure?: 'first' | 'second';
  reason: string;
  agreement?: string;
}

/** A decision as the approval and the follow-up read it. */
export function DecisionFacts({ decision, measures, decidedBy }: { decision?: DecisionView; measures?: MeasureView[]; decidedBy?: string }) {
  const translate = useTranslate();
  if (!decision) return null;
  const concerned = decision.measure === 'first' ? measures?.[0] : decision.measure === 'second' ? measures?.[1] : undefined;
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.coordination.decision')}
      </Typography>
      <FactList
        rows={[
          ['app.coordination.decision', translate(`app.coordination.decision_${decision.decision}`)],
          ['app.coordination.concerns', concerned?.title],
          ['app.coordination.reason', decision.reason],
          ['app.coordination.agreement', decision.agreement],
          ['app.coordination.decided_by', decidedBy ? <PersonName key="p" id={decidedBy} dative /> : null],
        ]}
      />
    </>
  );
}
