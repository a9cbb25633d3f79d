import { AutocompleteArrayInput, ReferenceArrayInput, useTranslate } from 'react-admin';

interface District {
  id: string;
  name: string;
  kind: 'stadtbezirk' | 'stadtteil';
}

/**
 * Stadtbezirke and Stadtteile to choose from, a Stadtteil said with its kind: Köln's Stadtbezirk
 * Ehrenfeld holds a Stadtteil Ehrenfeld. All of them at once, for the type-ahead to search in.
 */
export function DistrictInput({ source = 'districtIds', isRequired }: { source?: string; isRequired?: boolean }) {
  const translate = useTranslate();
  const text = (d: District | undefined) => (d ? `${d.name} (${translate(`app.district_kind.${d.kind}`)})` : '');
  return (
    <ReferenceArrayInput source={source} reference="districts" perPage={200} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteArrayInput optionText={text} isRequired={isRequired} fullWidth filterToQuery={(q) => ({ q })} />
    </ReferenceArrayInput>
  );
}
