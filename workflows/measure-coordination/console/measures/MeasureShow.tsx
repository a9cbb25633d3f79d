import { Card, CardContent, Typography } from '@mui/material';
import { ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { FactList } from '../../../../admin/src/common/FactList';
import { useFormats } from '../../../../admin/src/common/numbers';
import { ShowWithEdit } from '../../../../admin/src/common/ShowWithEdit';
import type { FieldOfAction, FundingLine, TargetGroup } from '../../vocabulary';
import { DistrictNames } from '../DistrictNames';
import { Coordinations } from './Coordinations';
import { Period } from './Period';
import { draftOf, SimilarMeasures, useSimilarMeasures } from './SimilarMeasures';

interface MeasureView {
  id: string;
  title: string;
  description: string;
  fieldOfAction: FieldOfAction;
  targetGroups: TargetGroup[];
  languages: string[];
  startsOn: string;
  endsOn: string | null;
  placesPerYear: number | null;
  participantsPerYear: number | null;
  fundingLines: FundingLine[];
}

function Funding({ lines }: { lines: FundingLine[] }) {
  const translate = useTranslate();
  const f = useFormats();
  if (lines.length === 0) return <span>{translate('app.measures.no_funding')}</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
      {lines.map((l, i) => (
        <li key={i}>
          {translate(`app.funder_level.${l.funderLevel}`)}: {l.programme}, {translate('app.measures.per_year', { amount: f.euro(l.amountPerYear) })}
        </li>
      ))}
    </ul>
  );
}

function MeasurePage() {
  const measure = useRecordContext<MeasureView & Record<string, unknown>>();
  const translate = useTranslate();
  const f = useFormats();
  // The registry as it is now, not as it was when this measure was saved.
  const similar = useSimilarMeasures(measure ? draftOf(measure) : {});
  if (!measure) return null;
  const field = (name: string) => `resources.measures.fields.${name}`;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {measure.title}
        </Typography>
        <FactList
          rows={[
            [field('providerId'), <ReferenceField key="p" source="providerId" reference="providers" />],
            [field('fieldOfAction'), translate(`app.field_of_action.${measure.fieldOfAction}`)],
            [field('targetGroups'), measure.targetGroups.map((g) => translate(`app.target_group.${g}`)).join(', ')],
            [field('languages'), measure.languages.join(', ')],
            [field('districtIds'), <DistrictNames key="d" />],
            ['app.measures.period', <Period key="t" />],
            [field('placesPerYear'), measure.placesPerYear === null ? null : f.number(measure.placesPerYear, 0)],
            [field('participantsPerYear'), measure.participantsPerYear === null ? null : f.number(measure.participantsPerYear, 0)],
            [field('fundingLines'), <Funding key="f" lines={measure.fundingLines} />],
            [field('description'), measure.description],
          ]}
        />
        <SimilarMeasures {...similar} measureId={measure.id} />
        <Coordinations measureId={measure.id} />
      </CardContent>
    </Card>
  );
}

export function MeasureShow() {
  return (
    <ShowWithEdit>
      <MeasurePage />
    </ShowWithEdit>
  );
}
