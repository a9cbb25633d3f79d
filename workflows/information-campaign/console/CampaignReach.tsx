import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FactList } from '../../../admin/src/common/FactList';
import { useFormats } from '../../../admin/src/common/numbers';
import type { CampaignReach, ReachRow } from '../reach';

// A campaign's reach as the evaluation task and the campaign's page show it.

/** One breakdown of the reach (by language, community or district), with its heading. */
function ReachTable({ heading, column, rows, contacts }: { heading: string; column: string; rows: ReachRow[]; contacts?: boolean }) {
  const translate = useTranslate();
  const f = useFormats();
  if (rows.length === 0) return null;
  return (
    <section aria-label={translate(heading)}>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate(heading)}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate(column)}</TableCell>
            {contacts && <TableCell align="right">{translate('app.campaign.contacts')}</TableCell>}
            <TableCell align="right">{translate('app.campaign.organisations')}</TableCell>
            <TableCell align="right">{translate('app.campaign.reported')}</TableCell>
            <TableCell align="right">{translate('app.campaign.reached')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.name}>
              <TableCell>{r.name}</TableCell>
              {contacts && <TableCell align="right">{f.number(r.contacts ?? 0, 0)}</TableCell>}
              <TableCell align="right">{f.number(r.organisations, 0)}</TableCell>
              <TableCell align="right">{f.number(r.reported, 0)}</TableCell>
              <TableCell align="right">{f.number(r.reached, 0)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function Gap({ label, names }: { label: string; names: string[] }) {
  const translate = useTranslate();
  if (names.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mt: 1 }}>
      {translate(label)}: {names.join(', ')}
    </Alert>
  );
}

/** A campaign's reach: its totals, the breakdowns, the organisations' occasions and the gaps. */
export function CampaignReachView({ reach }: { reach: CampaignReach }) {
  const translate = useTranslate();
  const f = useFormats();
  const t = reach.totals;
  return (
    <>
      <FactList
        rows={[
          ['app.campaign.total_contacts', f.number(t.contacts, 0)],
          ['app.campaign.total_reported', translate('app.campaign.reported_of', { reported: f.number(t.organisationsReported, 0), mailed: f.number(t.organisationsMailed, 0) })],
          ['app.campaign.total_reached', f.number(t.reached, 0)],
        ]}
      />
      <ReachTable heading="app.campaign.by_language" column="app.campaign.language" rows={reach.byLanguage} contacts />
      <ReachTable heading="app.campaign.by_community" column="app.campaign.community" rows={reach.byCommunity} />
      <ReachTable heading="app.campaign.by_district" column="app.campaign.district" rows={reach.byDistrict} />
      {reach.organisations.some((o) => o.occasion) && (
        <section aria-label={translate('app.campaign.occasions')}>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
            {translate('app.campaign.occasions')}
          </Typography>
          {reach.organisations
            .filter((o) => o.occasion)
            .map((o) => (
              <Typography key={o.id} sx={{ whiteSpace: 'pre-wrap' }}>
                {o.name}: {o.occasion}
              </Typography>
            ))}
        </section>
      )}
      <Gap label="app.campaign.gap_not_mailed" names={reach.gaps.notMailed} />
      <Gap label="app.campaign.gap_not_reported" names={reach.gaps.notReported} />
      <Gap label="app.campaign.gap_untranslated" names={reach.gaps.untranslated} />
      <Gap label="app.campaign.gap_communities" names={reach.gaps.communities} />
      <Gap label="app.campaign.gap_districts" names={reach.gaps.districts} />
    </>
  );
}

