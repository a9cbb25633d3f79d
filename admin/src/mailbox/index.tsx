import MarkunreadMailboxIcon from '@mui/icons-material/MarkunreadMailbox';
import { Card, CardContent, Typography } from '@mui/material';
import { DataTable, DateField, List, SearchInput, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { MailBody } from './MailBody';
import { EmptyState } from '../common/EmptyState';

interface CaughtMail {
  id: string;
  envelopeTo: string[];
  from: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  receivedAt: string;
}

function RecipientsField() {
  const record = useRecordContext<CaughtMail>();
  return <span>{record?.envelopeTo.join(', ')}</span>;
}

function MailboxList() {
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'receivedAt', order: 'DESC' }} exporter={false} empty={<EmptyState message="app.empty.mailbox" actionLabel="app.empty.start_procedure" to="/procedures/create" />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="receivedAt">
          <DateField source="receivedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="envelopeTo" disableSort>
          <RecipientsField />
        </DataTable.Col>
        <DataTable.Col source="subject">
          <TextField source="subject" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

function MailPage() {
  const mail = useRecordContext<CaughtMail>();
  const translate = useTranslate();
  if (!mail) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {mail.subject}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('resources.mailbox.fields.from')}: {mail.from} · {translate('resources.mailbox.fields.envelopeTo')}: {mail.envelopeTo.join(', ')}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          <DateField source="receivedAt" showTime />
        </Typography>
        <MailBody text={mail.text} html={mail.html} />
      </CardContent>
    </Card>
  );
}

function MailboxShow() {
  return (
    <Show component="div">
      <MailPage />
    </Show>
  );
}

export default { list: MailboxList, show: MailboxShow, icon: MarkunreadMailboxIcon, recordRepresentation: 'subject' };
