import { ReferenceArrayField, SingleFieldList, ChipField } from 'react-admin';

/** A record's districts by name. */
export function DistrictNames({ source = 'districtIds' }: { source?: string; label?: string }) {
  return (
    <ReferenceArrayField source={source} reference="districts">
      <SingleFieldList linkType={false}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
}
