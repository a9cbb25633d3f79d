import { Stack, Typography } from '@mui/material';
import { Link, useGetList, useGetOne, useTranslate } from 'react-admin';
import { useProcedureTypeLabel } from '../common/procedureTypes';
import type { Procedure } from './procedureApi';

const showPath = (id: string) => `/procedures/${encodeURIComponent(id)}/show`;

/** The procedure this one is part of (a review's consultation), and the ones it started. */
export function ProcedureRelations({ procedure }: { procedure: Procedure }) {
  const translate = useTranslate();
  const typeLabel = useProcedureTypeLabel();
  const { data: parent } = useGetOne<Procedure>('procedures', { id: procedure.parentId ?? '' }, { enabled: !!procedure.parentId });
  const { data: children } = useGetList<Procedure>('procedures', {
    filter: { parentId: procedure.id },
    sort: { field: 'startedAt', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });
  if (!procedure.parentId && !children?.length) return null;
  return (
    <Stack spacing={0.5} sx={{ mt: 2 }} data-testid="procedure-relations">
      {procedure.parentId && (
        <Typography variant="body2">
          {translate('app.relations.parent')}: <Link to={showPath(procedure.parentId)}>{parent?.title ?? translate('app.relations.parent_untitled')}</Link>
        </Typography>
      )}
      {!!children?.length && (
        <>
          <Typography variant="body2">{translate('app.relations.children')}:</Typography>
          <ul style={{ margin: 0 }}>
            {children.map((c) => (
              <li key={c.id}>
                <Link to={showPath(c.id)}>{c.title}</Link> ({typeLabel(c.type)}, {translate(`app.procedure_status.${c.status}`)})
              </li>
            ))}
          </ul>
        </>
      )}
    </Stack>
  );
}
