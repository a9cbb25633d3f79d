import { recordSectionsOf } from '../modules';

/** The sections other modules add to this record's page (modules/types.ts, RecordSections). */
export function RecordSections({ resource, id }: { resource: string; id: string }) {
  return (
    <>
      {recordSectionsOf(resource).map((Section, i) => (
        <Section key={i} id={id} />
      ))}
    </>
  );
}
