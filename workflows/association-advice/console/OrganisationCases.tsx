import { Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { useFormats } from '../../../admin/src/common/numbers';

interface CaseRow {
  id: string;
  topics: string[];
  status: string;
  openedAt: string;
  outcome: string | null;
  calls: { id: string; title: string }[];
}

/** On an organisation's page: its advice cases, each with the funding calls proposed. */
export function OrganisationCases({ id }: { id: string }) {
  const translate = useTranslate();
  const f = useFormats();
  const { data } = useGetList<CaseRow>('advice-cases', { filter: { organisationId: id }, pagination: { page: 1, perPage: 50 }, sort: { field: 'openedAt', order: 'DESC' } });
  return (
    <section aria-labelledby={`advice-${id}`}>
      <Typography variant="h6" component="h2" id={`advice-${id}`} sx={{ mt: 3 }}>
        {translate('app.advice.of_organisation')}
      </Typography>
      {!data || data.length === 0 ? (
        <Typography color="text.secondary">{translate('app.advice.none')}</Typography>
      ) : (
        <ul>
          {data.map((c) => (
            <li key={c.id}>
              <MuiLink component={Link} to={`/advice-cases/${encodeURIComponent(c.id)}/show`}>
                {c.topics.map((t) => translate(`app.advice_topic.${t}`)).join(', ')}
              </MuiLink>
              {` (${translate('app.advice.since', { day: f.date(c.openedAt) })}, ${c.outcome ? translate(`app.case_outcome.${c.outcome}`) : translate(`app.procedure_status.${c.status}`)})`}
              {c.calls.length > 0 && <> – {translate('app.advice.calls_proposed', { calls: c.calls.map((call) => call.title).join(', ') })}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
