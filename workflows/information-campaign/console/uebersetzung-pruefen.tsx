import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ApprovalInputs } from '../../../admin/src/common/ApprovalInputs';
import type { TaskFormDefinition } from '../../../admin/src/modules/types';
import type { Task } from '../../../admin/src/tasks/taskApi';
import { languageOf } from '../../organisations/languages';

interface Words {
  title: string;
  text: string;
  letter: string;
}

interface CheckContext {
  language?: string;
  round?: number;
  translator?: string;
  source?: Words;
  translation?: Words;
}

/** One of the three texts: the German source beside the translation, each in its script's direction. */
function Pair({ label, source, translation, lang, dir }: { label: string; source: string; translation: string; lang: string; dir: 'ltr' | 'rtl' }) {
  const translate = useTranslate();
  return (
    <Box component="section" aria-label={translate(label)} sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h3">
        {translate(label)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <Typography lang="de" sx={{ whiteSpace: 'pre-wrap' }}>
          {source}
        </Typography>
        <Typography lang={lang} dir={dir} sx={{ whiteSpace: 'pre-wrap' }}>
          {translation}
        </Typography>
      </Box>
    </Box>
  );
}

function Context({ task }: { task: Task }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as CheckContext;
  if (!c.language || !c.source || !c.translation) return null;
  const l = languageOf(c.language);
  return (
    <>
      <Typography>
        {translate('app.campaign.translated_by', { into: l.into, language: translate(`app.language.${l.code}`, { _: l.name }), translator: c.translator ?? '', round: c.round ?? 1 })}
      </Typography>
      <Pair label="app.campaign.title" source={c.source.title} translation={c.translation.title} lang={l.code} dir={l.dir} />
      <Pair label="app.campaign.text" source={c.source.text} translation={c.translation.text} lang={l.code} dir={l.dir} />
      <Pair label="app.campaign.letter" source={c.source.letter} translation={c.translation.letter} lang={l.code} dir={l.dir} />
    </>
  );
}

// A rejection's comment goes to the translator with the next round's request.
export const taskForm: TaskFormDefinition = { Context, Inputs: ApprovalInputs };
