import { NumberInput } from 'react-admin';
import type { StartFormDefinition } from '../../../admin/src/modules/types';

function Inputs() {
  return <NumberInput source="year" label="app.programme.year" helperText="app.programme.year_hint" step={1} isRequired />;
}

// The last full year: the one a programme report is usually asked for.
export const startForm: StartFormDefinition = { Inputs, defaults: { year: new Date().getFullYear() - 1 } };
