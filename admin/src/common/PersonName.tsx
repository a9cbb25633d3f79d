import { useCanAccess, useGetIdentity, useGetManyAggregate, useTranslate } from 'react-admin';

/**
 * A person by id. Staff may not read the user list (the API says so), so they see "Sie" for
 * themselves and "eine Kollegin / ein Kollege" for others; managers and admins see names.
 * After "von" (every "… von" label: "Gestartet von", "erledigt von") pass `dative`: oneself is
 * then "Ihnen", not "Sie".
 */
export function PersonName({ id, dative }: { id: string | null | undefined; dative?: boolean }) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'show' });
  // Aggregated: a timeline of twenty entries asks for its people in one request.
  const { data } = useGetManyAggregate<{ id: string; name: string }>('users', { ids: id ? [id] : [] }, {
    enabled: !!id && canAccess === true && id !== identity?.id,
  });
  if (!id) return <span>–</span>;
  if (id === identity?.id) return <span>{translate(dative ? 'app.person.you_dative' : 'app.person.you')}</span>;
  return <span>{data?.[0]?.name ?? translate('app.person.colleague')}</span>;
}
