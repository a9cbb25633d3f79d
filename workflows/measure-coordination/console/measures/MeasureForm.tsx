import { Box } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteInput,
  CheckboxGroupInput,
  Create,
  DateInput,
  Edit,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
} from 'react-admin';
import { fieldsOfAction, funderLevels, targetGroups } from '../../vocabulary';
import { useChoices } from '../../../../admin/src/common/choices';
import { DistrictInput } from '../DistrictInput';
import { draftOf, SimilarMeasures, useSimilarMeasures } from './SimilarMeasures';

// Validation is the API's (inputs.ts, measureInput): its field errors come back next to the fields.
// While the clerk types, the measures that may offer the same are shown below the form's texts.

function LiveSimilar() {
  const values = useWatch() as Record<string, unknown>;
  const { candidates, checking } = useSimilarMeasures(draftOf(values));
  return <SimilarMeasures candidates={candidates} checking={checking} />;
}

function MeasureInputs() {
  const fields = useChoices('field_of_action', fieldsOfAction);
  const groups = useChoices('target_group', targetGroups);
  const levels = useChoices('funder_level', funderLevels);
  return (
    <>
      <TextInput source="title" isRequired fullWidth />
      <TextInput source="description" multiline minRows={3} fullWidth />
      <ReferenceInput source="providerId" reference="providers" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" isRequired filterToQuery={(q) => ({ q })} />
      </ReferenceInput>
      <SelectInput source="fieldOfAction" isRequired choices={fields} />
      <CheckboxGroupInput source="targetGroups" choices={groups} />
      <DistrictInput isRequired />
      <TextArrayInput source="languages" fullWidth />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <DateInput source="startsOn" isRequired />
        <DateInput source="endsOn" />
        <NumberInput source="placesPerYear" min={0} />
        <NumberInput source="participantsPerYear" min={0} />
      </Box>
      <LiveSimilar />
      <ArrayInput source="fundingLines">
        <SimpleFormIterator inline disableReordering>
          <SelectInput source="funderLevel" choices={levels} isRequired />
          <TextInput source="programme" isRequired />
          <NumberInput source="amountPerYear" min={0} isRequired />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}

export function MeasureCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ targetGroups: [], languages: [], districtIds: [], fundingLines: [] }}>
        <MeasureInputs />
      </SimpleForm>
    </Create>
  );
}

export function MeasureEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <MeasureInputs />
      </SimpleForm>
    </Edit>
  );
}
