import InsightsIcon from '@mui/icons-material/Insights';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanField,
  BooleanInput,
  Create,
  DataTable,
  Edit,
  List,
  NumberInput,
  ReferenceField,
  SearchInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ShowWithEdit } from '../../../../admin/src/common/ShowWithEdit';
import { EnumField } from '../../../../admin/src/common/EnumField';
import { FactList } from '../../../../admin/src/common/FactList';
import { useFormats } from '../../../../admin/src/common/numbers';
import { DepartmentPicker } from '../../../../admin/src/common/DepartmentChoice';
import { IndicatorChart } from './IndicatorChart';
import { EmptyState } from '../../../../admin/src/common/EmptyState';

interface Indicator {
  id: string;
  key: string;
  name: string;
  description: string;
  unit: string;
  departmentId: string;
  direction: 'higher_better' | 'lower_better';
  disaggregations: { key: string; label: string }[];
  plausibleMin: number | null;
  plausibleMax: number | null;
  active: boolean;
}

const directions = ['higher_better', 'lower_better'] as const;

function IndicatorList() {
  const filters = [<SearchInput key="q" source="q" alwaysOn />, <DepartmentPicker key="d" source="departmentId" label="resources.indicators.fields.departmentId" />];
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      empty={<EmptyState message="app.empty.indicators" actionLabel="app.empty.create_indicator" />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="unit" />
        <DataTable.Col source="departmentId" disableSort>
          <ReferenceField source="departmentId" reference="departments" link={false} />
        </DataTable.Col>
        <DataTable.Col source="direction">
          <EnumField source="direction" group="direction" />
        </DataTable.Col>
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

function IndicatorPage() {
  const i = useRecordContext<Indicator>();
  const translate = useTranslate();
  const f = useFormats();
  if (!i) return null;
  return (
    <Stack spacing={2}>
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {i.name}
          </Typography>
          <FactList
            rows={[
              ['resources.indicators.fields.key', i.key],
              ['resources.indicators.fields.description', i.description],
              ['resources.indicators.fields.unit', i.unit],
              ['resources.indicators.fields.departmentId', <ReferenceField key="d" source="departmentId" reference="departments" link={false} />],
              ['resources.indicators.fields.direction', translate(`app.direction.${i.direction}`)],
              ['resources.indicators.fields.disaggregations', i.disaggregations.map((d) => d.label).join(', ')],
              ['resources.indicators.fields.plausibleMin', i.plausibleMin === null ? null : f.number(i.plausibleMin)],
              ['resources.indicators.fields.plausibleMax', i.plausibleMax === null ? null : f.number(i.plausibleMax)],
            ]}
          />
        </CardContent>
      </Card>
      <IndicatorChart id={i.id} unit={i.unit} breakdowns={i.disaggregations} />
    </Stack>
  );
}

function IndicatorShow() {
  return (
    <ShowWithEdit>
      <IndicatorPage />
    </ShowWithEdit>
  );
}

// Validation is the API's (indicatorInput): its field errors come back next to the fields.
function IndicatorInputs() {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="key" isRequired />
      <TextInput source="name" isRequired fullWidth />
      <TextInput source="description" multiline fullWidth />
      <TextInput source="unit" isRequired />
      <DepartmentPicker source="departmentId" label="resources.indicators.fields.departmentId" />
      <SelectInput source="direction" isRequired choices={directions.map((d) => ({ id: d, name: translate(`app.direction.${d}`) }))} />
      <ArrayInput source="disaggregations">
        <SimpleFormIterator inline>
          <TextInput source="key" helperText={false} />
          <TextInput source="label" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <NumberInput source="plausibleMin" />
      <NumberInput source="plausibleMax" />
      <BooleanInput source="active" />
    </>
  );
}

function IndicatorCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ active: true, direction: 'higher_better', disaggregations: [] }}>
        <IndicatorInputs />
      </SimpleForm>
    </Create>
  );
}

function IndicatorEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <IndicatorInputs />
      </SimpleForm>
    </Edit>
  );
}

export default { list: IndicatorList, show: IndicatorShow, create: IndicatorCreate, edit: IndicatorEdit, icon: InsightsIcon, recordRepresentation: 'name' };
