import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { DataTable, DateField, List, NumberField, SearchInput, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { apiFetch } from '../../../../admin/src/dataProvider/http';
import { EmptyState } from '../../../../admin/src/common/EmptyState';

interface CaseRow {
  id: string;
  status: string;
  topics: string[];
  outcome: string | null;
}

interface MonthRow {
  month: string;
  opened: number;
  closed: number;
}

function Status() {
  const translate = useTranslate();
  const r = useRecordContext<CaseRow>();
  return r ? <>{translate(`app.procedure_status.${r.status}`)}</> : null;
}

function Topics() {
  const translate = useTranslate();
  const r = useRecordContext<CaseRow>();
  return r ? <>{r.topics.map((t) => translate(`app.advice_topic.${t}`)).join(', ')}</> : null;
}

function Outcome() {
  const translate = useTranslate();
  const r = useRecordContext<CaseRow>();
  return r?.outcome ? <>{translate(`app.case_outcome.${r.outcome}`)}</> : null;
}

/** The manager's view: how many cases were opened and closed in each of the last twelve months. */
function PerMonth() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey: ['advice-cases-per-month'],
    queryFn: async () => (await apiFetch('/api/advice-cases-per-month')).json as MonthRow[],
  });
  if (!data) return null;
  const label = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'de-DE', { month: 'short', year: 'numeric' });
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="subtitle2" component="h2">
          {translate('app.advice.per_month')}
        </Typography>
        <Table size="small" aria-label={translate('app.advice.per_month')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.advice.month')}</TableCell>
              {data.map((m) => (
                <TableCell key={m.month} align="right">
                  {label(m.month)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(['opened', 'closed'] as const).map((what) => (
              <TableRow key={what}>
                <TableCell component="th" scope="row">
                  {translate(`app.advice.${what}_count`)}
                </TableCell>
                {data.map((m) => (
                  <TableCell key={m.month} align="right">
                    {m[what]}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

export function CaseList() {
  return (
    <>
      <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'openedAt', order: 'DESC' }} exporter={false} empty={<EmptyState message="app.empty.advice_cases" />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="organisationName" />
          <DataTable.Col source="contactName" disableSort />
          <DataTable.Col source="topics" disableSort>
            <Topics />
          </DataTable.Col>
          <DataTable.Col source="status">
            <Status />
          </DataTable.Col>
          <DataTable.Col source="openedAt">
            <DateField source="openedAt" />
          </DataTable.Col>
          <DataTable.Col source="appointments" disableSort>
            <NumberField source="appointments" />
          </DataTable.Col>
          <DataTable.Col source="proposals" disableSort>
            <NumberField source="proposals" />
          </DataTable.Col>
          <DataTable.Col source="outcome" disableSort>
            <Outcome />
          </DataTable.Col>
        </DataTable>
      </List>
      <PerMonth />
    </>
  );
}
