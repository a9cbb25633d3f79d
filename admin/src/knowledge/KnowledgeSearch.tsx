import { Chip, List as MuiList, ListItem, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Link,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  useListContext,
  useTranslate,
} from 'react-admin';
import { knowledgeSourceTypes as sourceTypes } from '../modules';
import { EmptyState } from '../common/EmptyState';
import { Snippet } from './Snippet';

interface Hit {
  id: string;
  sourceType: string;
  procedureId: string;
  title: string;
  topics: string[];
  year: number;
  rank: number | null;
  snippet: string;
}

/** The hits best first, each with its snippet (the search words marked), its source and year. */
function Hits() {
  const translate = useTranslate();
  const { data, total, isPending, filterValues } = useListContext<Hit>();
  if (isPending) return <Typography sx={{ p: 2 }}>{translate('ra.page.loading')}</Typography>;
  if (!data || data.length === 0) {
    // Nothing searched and nothing found: the knowledge base itself is empty, and says how it fills.
    if (Object.keys(filterValues ?? {}).length === 0) return <EmptyState message="app.empty.knowledge" actionLabel="app.empty.start_procedure" to="/procedures/create" />;
    return <Typography sx={{ p: 2 }}>{translate('app.knowledge.no_hits')}</Typography>;
  }
  return (
    <>
      <Typography sx={{ px: 2, pt: 1 }} role="status">
        {translate('app.knowledge.hits', { smart_count: total ?? 0 })}
      </Typography>
      <MuiList aria-label={translate('resources.knowledge.name', { smart_count: 2 })}>
        {data.map((hit) => (
          <ListItem key={hit.id} divider sx={{ display: 'block' }} data-testid="knowledge-hit">
            <Typography variant="subtitle1" component="h2">
              <Link to={`/knowledge/${encodeURIComponent(hit.id)}/show`}>{hit.title}</Link>
            </Typography>
            <Typography variant="body2" component="p" data-testid="knowledge-snippet" sx={{ '& mark': { bgcolor: '#fff59d', color: 'inherit', px: 0.25 } }}>
              <Snippet html={hit.snippet} />
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
              <Chip size="small" label={translate(`app.knowledge_source.${hit.sourceType}`)} />
              <Typography variant="body2" color="text.secondary">
                {hit.year}
                {hit.topics.length > 0 ? ` · ${hit.topics.join(', ')}` : ''}
              </Typography>
              <Link to={`/procedures/${encodeURIComponent(hit.procedureId)}/show`}>{translate('app.knowledge.open_procedure')}</Link>
            </Stack>
          </ListItem>
        ))}
      </MuiList>
    </>
  );
}

export function KnowledgeSearch() {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.knowledge.search_hint')} sx={{ minWidth: 320 }} />,
    <SelectInput key="sourceType" source="sourceType" alwaysOn choices={sourceTypes.map((s) => ({ id: s, name: translate(`app.knowledge_source.${s}`) }))} />,
    <TextInput key="topic" source="topic" alwaysOn />,
    <NumberInput key="year" source="year" alwaysOn />,
    <ReferenceInput key="departmentId" source="departmentId" reference="departments" perPage={100} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
      <AutocompleteInput optionText="name" label="resources.knowledge.fields.departmentId" />
    </ReferenceInput>,
  ];
  // empty={false}: a search page keeps its search box, also while there is nothing to find (Hits says so).
  return (
    <List filters={filters} sort={{ field: 'rank', order: 'DESC' }} exporter={false} title={translate('app.knowledge.title')} actions={false} empty={false}>
      <Hits />
    </List>
  );
}
