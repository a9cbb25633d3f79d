import { NumberInput } from 'react-admin';
import type { StartFormDefinition } from '../../../admin/src/modules/types';

function Inputs() {
  return <NumberInput source="year" label="app.survey.year" min={2000} step={1} isRequired />;
}

// The year that ended last, as the schedule asks about it.
export const startForm: StartFormDefinition = { Inputs, defaults: { year: new Date().getFullYear() - 1 } };
