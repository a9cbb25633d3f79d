import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, useTranslate } from 'react-admin';
import { useFormats } from '../../../../admin/src/common/numbers';
import { apiFetch } from '../../../../admin/src/dataProvider/http';

interface Coordination {
  procedureId: string;
  decision: string;
  reason: string;
  agreement: string;
  decidedAt: string;
  followUpDone: boolean | null;
}

/** What the coordinations of this measure with others decided, newest first, each a link to its procedure. */
export function Coordinations({ measureId }: { measureId: string }) {
  const translate = useTranslate();
  const f = useFormats();
  const [rows, setRows] = useState<Coordination[] | undefined>();
  useEffect(() => {
    let current = true;
    apiFetch(`/api/measures/${encodeURIComponent(measureId)}/coordinations`)
      .then(({ status, json }) => current && setRows(status === 200 ? (json as Coordination[]) : []))
      .catch(() => current && setRows([]));
    return () => {
      current = false;
    };
  }, [measureId]);
  if (!rows || rows.length === 0) return null;
  const followUp = (c: Coordination) =>
    c.followUpDone === null ? translate('app.coordination.follow_up_open') : translate(c.followUpDone ? 'app.coordination.done_yes' : 'app.coordination.done_no');
  return (
    <Box component="section" aria-labelledby="coordinations-heading" sx={{ my: 2 }} data-testid="coordinations">
      <Typography id="coordinations-heading" variant="h6" component="h2">
        {translate('app.coordination.heading')}
      </Typography>
      <List dense disablePadding>
        {rows.map((c) => (
          <ListItem key={c.procedureId} disableGutters>
            <ListItemText
              primary={
                <>
                  <Link to={`/procedures/${encodeURIComponent(c.procedureId)}/show`}>{translate(`app.coordination.decision_${c.decision}`)}</Link> ·{' '}
                  {f.date(c.decidedAt)} · {followUp(c)}
                </>
              }
              secondary={[c.reason, c.agreement].filter(Boolean).join(' – ')}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
