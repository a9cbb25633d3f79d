import { Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { useFormats } from '../../../admin/src/common/numbers';

interface CampaignRow {
  id: string;
  title: string;
  status: string;
  startedAt: string;
}

/** On an organisation's page: the campaigns that chose it. */
export function OrganisationCampaigns({ id }: { id: string }) {
  const translate = useTranslate();
  const f = useFormats();
  const { data } = useGetList<CampaignRow>('information-campaigns', { filter: { organisationId: id }, pagination: { page: 1, perPage: 50 }, sort: { field: 'startedAt', order: 'DESC' } });
  return (
    <section aria-labelledby={`campaigns-${id}`}>
      <Typography variant="h6" component="h2" id={`campaigns-${id}`} sx={{ mt: 3 }}>
        {translate('app.campaign.of_organisation')}
      </Typography>
      {!data || data.length === 0 ? (
        <Typography color="text.secondary">{translate('app.campaign.none_yet')}</Typography>
      ) : (
        <ul>
          {data.map((c) => (
            <li key={c.id}>
              <MuiLink component={Link} to={`/information-campaigns/${encodeURIComponent(c.id)}/show`}>
                {c.title}
              </MuiLink>
              {` (${f.date(c.startedAt)}, ${translate(`app.procedure_status.${c.status}`)})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
