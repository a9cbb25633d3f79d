import { TextInput } from 'react-admin';
import { quarterEndedBefore } from '../../../../workflows/integration-monitoring/quarter';
import type { StartFormDefinition } from './types';

function Inputs() {
  return <TextInput source="quarter" label="app.monitoring.quarter" helperText="app.monitoring.quarter_hint" isRequired />;
}

// The quarter a run started today reports on, as the schedule would choose it.
export const startForm: StartFormDefinition = { type: 'integration-monitoring', Inputs, defaults: { quarter: quarterEndedBefore(new Date()) } };
