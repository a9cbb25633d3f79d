import { Card, CardContent, Typography } from '@mui/material';
import { Link, Show, useRecordContext, useTranslate } from 'react-admin';
import { FactList } from '../common/FactList';
import { useFormats } from '../common/numbers';

interface Entry {
  id: string;
  sourceType: string;
  procedureId: string;
  title: string;
  summary: string;
  body: string;
  topics: string[];
  year: number;
  archivedAt: string;
}

function EntryPage() {
  const entry = useRecordContext<Entry>();
  const translate = useTranslate();
  const f = useFormats();
  if (!entry) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {entry.title}
        </Typography>
        <FactList
          rows={[
            ['resources.knowledge.fields.sourceType', translate(`app.knowledge_source.${entry.sourceType}`, { _: entry.sourceType })],
            ['resources.knowledge.fields.year', String(entry.year)],
            ['resources.knowledge.fields.topics', entry.topics.join(', ')],
            ['resources.knowledge.fields.archivedAt', f.date(entry.archivedAt)],
            ['resources.knowledge.fields.summary', entry.summary],
            ['app.knowledge.open_procedure', <Link key="p" to={`/procedures/${encodeURIComponent(entry.procedureId)}/show`}>{entry.procedureId}</Link>],
          ]}
        />
        <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
          {translate('app.knowledge.full_text')}
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.body}</Typography>
      </CardContent>
    </Card>
  );
}

export function KnowledgeShow() {
  return (
    <Show component="div" actions={false}>
      <EntryPage />
    </Show>
  );
}
