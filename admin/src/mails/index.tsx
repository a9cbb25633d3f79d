import OutboxIcon from '@mui/icons-material/Outbox';
import { Card, CardContent, Typography } from '@mui/material';
import { DataTable, DateField, List, SearchInput, SelectInput, Show, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { MailBody } from '../mailbox/MailBody';
import { EmptyState } from '../common/EmptyState';

interface OutboxMail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

function ToField() {
  const record = useRecordContext<OutboxMail>();
  return <span>{record?.to.join(', ')}</span>;
}

function OutboxList() {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="status"
      source="status"
      alwaysOn
      choices={['pending', 'sending', 'sent', 'retry', 'failed'].map((s) => ({ id: s, name: translate(`app.mail_status.${s}`) }))}
    />,
  ];
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} empty={<EmptyState message="app.empty.mails" actionLabel="app.empty.open_procedures" to="/procedures" />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="to" disableSort>
          <ToField />
        </DataTable.Col>
        <DataTable.Col source="subject" />
        <DataTable.Col source="status">
          <EnumField source="status" group="mail_status" />
        </DataTable.Col>
        <DataTable.Col source="attempts" />
      </DataTable>
    </List>
  );
}

function OutboxPage() {
  const mail = useRecordContext<OutboxMail>();
  const translate = useTranslate();
  if (!mail) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {mail.subject}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('resources.mails.fields.to')}: {mail.to.join(', ')} · {translate(`app.mail_status.${mail.status}`)}
          {mail.lastError ? ` · ${mail.lastError}` : ''}
        </Typography>
        <MailBody text={mail.text} html={null} />
      </CardContent>
    </Card>
  );
}

function OutboxShow() {
  return (
    <Show component="div">
      <OutboxPage />
    </Show>
  );
}

export default { list: OutboxList, show: OutboxShow, icon: OutboxIcon, recordRepresentation: 'subject' };
