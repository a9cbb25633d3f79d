import { Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { DataTable, ReferenceField, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import { FactList } from '../../../../admin/src/common/FactList';
import { ShowWithEdit } from '../../../../admin/src/common/ShowWithEdit';
import type { ContactPerson, ProviderKind } from '../../vocabulary';
import { DistrictNames } from '../DistrictNames';
import { EnumField } from '../../../../admin/src/common/EnumField';

interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  street: string;
  postalCode: string;
  city: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  contacts: ContactPerson[];
  departmentId: string | null;
}

function Contacts({ contacts }: { contacts: ContactPerson[] }) {
  const translate = useTranslate();
  if (contacts.length === 0) return <Typography variant="body2">{translate('app.providers.no_contacts')}</Typography>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
      {contacts.map((c, i) => (
        <li key={i}>
          {[c.name, c.role, c.email, c.phone].filter(Boolean).join(' · ')}
        </li>
      ))}
    </ul>
  );
}

function ProviderPage() {
  const provider = useRecordContext<ProviderView>();
  const translate = useTranslate();
  if (!provider) return null;
  const f = (name: string) => `resources.providers.fields.${name}`;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {provider.name}
        </Typography>
        <FactList
          rows={[
            [f('kind'), translate(`app.provider_kind.${provider.kind}`)],
            [f('street'), [provider.street, `${provider.postalCode} ${provider.city}`.trim()].filter(Boolean).join(', ')],
            [f('email'), provider.email],
            [f('phone'), provider.phone],
            [
              f('website'),
              provider.website ? (
                <MuiLink href={provider.website} target="_blank" rel="noopener noreferrer">
                  {provider.website}
                </MuiLink>
              ) : null,
            ],
            [f('districtIds'), <DistrictNames key="d" />],
            [f('departmentId'), provider.departmentId ? <ReferenceField key="dep" source="departmentId" reference="departments" link={false} /> : null],
            [f('contacts'), <Contacts key="c" contacts={provider.contacts} />],
          ]}
        />
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
          {translate('app.providers.measures')}
        </Typography>
        <ReferenceManyField reference="measures" target="providerId" sort={{ field: 'title', order: 'ASC' }}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="title" />
            <DataTable.Col source="fieldOfAction">
              <EnumField source="fieldOfAction" group="field_of_action" />
            </DataTable.Col>
            <DataTable.Col source="districtIds" disableSort>
              <DistrictNames />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
}

export function ProviderShow() {
  return (
    <ShowWithEdit>
      <ProviderPage />
    </ShowWithEdit>
  );
}
