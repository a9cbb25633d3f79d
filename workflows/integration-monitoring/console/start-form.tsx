import { TextInput } from 'react-admin';
import { quarterEndedBefore } from '../quarter';
import type { StartFormDefinition } from '../../../admin/src/modules/types';

function Inputs() {
  return <TextInput source="quarter" label="app.monitoring.quarter" helperText="app.monitoring.quarter_hint" isRequired />;
}

// The quarter a run started today reports on, as the schedule would choose it.
export const startForm: StartFormDefinition = { Inputs, defaults: { quarter: quarterEndedBefore(new Date()) } };
