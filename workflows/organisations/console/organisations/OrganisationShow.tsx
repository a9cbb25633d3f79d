import { Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { FactList } from '../../../../admin/src/common/FactList';
import { RecordSections } from '../../../../admin/src/common/RecordSections';
import { ShowWithEdit } from '../../../../admin/src/common/ShowWithEdit';
import { DistrictNames } from '../../../measure-coordination/console/DistrictNames';
import type { OrganisationKind, OrganisationTopic } from '../../vocabulary';
import { Contacts } from './Contacts';

interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
  communities: string[];
  languages: string[];
  districtIds: string[];
  topics: OrganisationTopic[];
  registeredAssociation: boolean;
  charitable: boolean;
  street: string;
  postalCode: string;
  city: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  note: string;
}

function OrganisationPage() {
  const o = useRecordContext<OrganisationView>();
  const translate = useTranslate();
  if (!o) return null;
  const f = (name: string) => `resources.organisations.fields.${name}`;
  const yesNo = (v: boolean) => translate(v ? 'app.organisations.yes' : 'app.organisations.no');
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {o.name}
        </Typography>
        <FactList
          rows={[
            [f('kind'), translate(`app.organisation_kind.${o.kind}`)],
            [f('communities'), o.communities.join(', ')],
            [f('languages'), o.languages.map((c) => translate(`app.language.${c}`, { _: c })).join(', ')],
            [f('topics'), o.topics.map((t) => translate(`app.organisation_topic.${t}`)).join(', ')],
            [f('districtIds'), o.districtIds.length > 0 ? <DistrictNames key="d" /> : null],
            [f('registeredAssociation'), yesNo(o.registeredAssociation)],
            [f('charitable'), yesNo(o.charitable)],
            [f('address'), [o.street, `${o.postalCode} ${o.city}`.trim()].filter(Boolean).join(', ')],
            [f('email'), o.email],
            [f('phone'), o.phone],
            [
              f('website'),
              o.website ? (
                <MuiLink href={o.website} target="_blank" rel="noopener noreferrer">
                  {o.website}
                </MuiLink>
              ) : null,
            ],
            [f('note'), o.note],
          ]}
        />
        <Contacts />
        <RecordSections resource="organisations" id={o.id} />
      </CardContent>
    </Card>
  );
}

export function OrganisationShow() {
  return (
    <ShowWithEdit>
      <OrganisationPage />
    </ShowWithEdit>
  );
}
