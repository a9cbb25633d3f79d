import { Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { FactList } from '../../../../admin/src/common/FactList';
import { useFormats } from '../../../../admin/src/common/numbers';

interface CaseView {
  id: string;
  organisationId: string | null;
  organisationName: string;
  contactName: string;
  email: string;
  topics: string[];
  channel: string;
  status: string;
  openedAt: string;
  closedAt: string | null;
  outcome: string | null;
  appointmentList?: { round: number; startsAt: string; endsAt: string; mode: string; place: string }[];
  proposedCalls?: { id: string; title: string; funder: string; submissionDeadline: string | null }[];
}

function CasePage() {
  const translate = useTranslate();
  const f = useFormats();
  const c = useRecordContext<CaseView>();
  // The list's row stands in until the case itself has come, without its appointments and calls.
  if (!c?.appointmentList || !c.proposedCalls) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {c.organisationName}
        </Typography>
        <FactList
          rows={[
            ['app.advice.organisation', c.organisationId ? <MuiLink key="o" component={Link} to={`/organisations/${c.organisationId}/show`}>{c.organisationName}</MuiLink> : c.organisationName],
            ['app.advice.contact_name', `${c.contactName} (${c.email})`],
            ['app.advice.topics', c.topics.map((t) => translate(`app.advice_topic.${t}`)).join(', ')],
            ['app.advice.channel', translate(`app.advice_channel.${c.channel}`)],
            ['app.advice.status', translate(`app.procedure_status.${c.status}`)],
            ['app.advice.opened', f.date(c.openedAt)],
            ['app.advice.closed', c.closedAt && f.date(c.closedAt)],
            ['app.advice.outcome', c.outcome && translate(`app.case_outcome.${c.outcome}`)],
          ]}
        />
        <Typography variant="subtitle2" component="h2" sx={{ mt: 2 }}>
          {translate('app.advice.appointments')}
        </Typography>
        {c.appointmentList.length === 0 ? (
          <Typography>{translate('app.advice.none')}</Typography>
        ) : (
          <ul>
            {c.appointmentList.map((a) => (
              <li key={a.round}>
                {f.dateTime(a.startsAt)}, {translate(`app.meeting_mode.${a.mode}`)}: {a.place}
              </li>
            ))}
          </ul>
        )}
        <Typography variant="subtitle2" component="h2" sx={{ mt: 2 }}>
          {translate('app.advice.proposals')}
        </Typography>
        {c.proposedCalls.length === 0 ? (
          <Typography>{translate('app.advice.none')}</Typography>
        ) : (
          <ul>
            {c.proposedCalls.map((call) => (
              <li key={call.id}>
                <MuiLink component={Link} to={`/funding-calls/${call.id}/show`}>
                  {call.title}
                </MuiLink>{' '}
                ({call.funder}
                {call.submissionDeadline ? `, ${translate('app.advice.deadline', { day: f.date(call.submissionDeadline) })}` : ''})
              </li>
            ))}
          </ul>
        )}
        <MuiLink component={Link} to={`/procedures/${encodeURIComponent(c.id)}/show`}>
          {translate('app.advice.to_procedure')}
        </MuiLink>
      </CardContent>
    </Card>
  );
}

export function CaseShow() {
  return (
    <Show actions={false} component="div">
      <CasePage />
    </Show>
  );
}
