import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { FactList } from '../../../../admin/src/common/FactList';
import { useFormats } from '../../../../admin/src/common/numbers';
import { useStepName } from '../../../../admin/src/common/stepName';
import { languageOf } from '../../../organisations/languages';
import type { CampaignReach } from '../../reach';
import { CampaignReachView } from '../CampaignReach';

interface CampaignView {
  id: string;
  title: string;
  department: string | null;
  status: string;
  currentStep: string | null;
  currentStepKey: string | null;
  startedAt: string;
  endedAt: string | null;
  reach: CampaignReach;
  flyers: { language: string; title: string }[];
}

/** Each printed flyer, as the PDF the contacts got. */
function Flyers({ campaign }: { campaign: CampaignView }) {
  const translate = useTranslate();
  if (campaign.flyers.length === 0) return <Typography>{translate('app.campaign.no_flyers')}</Typography>;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {campaign.flyers.map((f) => {
        const language = translate(`app.language.${f.language}`, { _: languageOf(f.language).name });
        return (
          <Button
            key={f.language}
            size="small"
            variant="outlined"
            href={`/api/information-campaigns/${encodeURIComponent(campaign.id)}/flyers/${f.language}`}
            download
            aria-label={translate('app.campaign.flyer_in', { language })}
          >
            {language}
          </Button>
        );
      })}
    </Stack>
  );
}

function CampaignPage() {
  const translate = useTranslate();
  const f = useFormats();
  const stepName = useStepName();
  const c = useRecordContext<CampaignView & { id: string }>();
  // The list's row stands in until the campaign itself has come, without its reach and flyers.
  if (!c?.reach) return null;
  const step = c.status === 'running' && c.currentStep ? ` (${stepName('information-campaign', c.currentStepKey, c.currentStep)})` : '';
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {c.title}
        </Typography>
        <FactList
          rows={[
            ['app.campaign.department', c.department],
            ['app.campaign.status', `${translate(`app.procedure_status.${c.status}`)}${step}`],
            ['app.campaign.started', f.date(c.startedAt)],
            ['app.campaign.ended', c.endedAt && f.date(c.endedAt)],
            ['app.campaign.procedure', <Link key="p" to={`/procedures/${encodeURIComponent(c.id)}/show`}>{translate('app.campaign.to_procedure')}</Link>],
          ]}
        />
        <Typography variant="subtitle2" component="h2" sx={{ mt: 2, mb: 1 }}>
          {translate('app.campaign.flyers')}
        </Typography>
        <Flyers campaign={c} />
        <CampaignReachView reach={c.reach} />
      </CardContent>
    </Card>
  );
}

export function CampaignShow() {
  return (
    <Show actions={false} component="div">
      <CampaignPage />
    </Show>
  );
}
