import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  CreateButton,
  DateInput,
  EditButton,
  Form,
  RecordContextProvider,
  SelectInput,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useChoices } from '../../../../admin/src/common/choices';
import { apiFetch, submissionErrors } from '../../../../admin/src/dataProvider/http';
import { consentChannels, consentPurposes, type ConsentChannel, type ConsentPurpose, type WithdrawalChannel } from '../../vocabulary';

interface Contact {
  id: string;
  organisationId: string;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  language: string;
}

interface Consent {
  id: string;
  contactId: string;
  purpose: ConsentPurpose;
  givenOn: string;
  givenHow: ConsentChannel;
  withdrawnAt: string | null;
  withdrawnHow: WithdrawalChannel | null;
}

const germanDay = (iso: string) => new Date(iso).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' });

function ConsentLine({ consent, onChange }: { consent: Consent; onChange: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [asking, setAsking] = useState(false);
  const what = translate(`app.consent_purpose.${consent.purpose}`);
  const state = consent.withdrawnAt
    ? translate('app.organisations.withdrawn_on', { date: germanDay(consent.withdrawnAt), how: translate(`app.withdrawal_channel.${consent.withdrawnHow}`) })
    : translate('app.organisations.standing', { date: germanDay(consent.givenOn), how: translate(`app.consent_channel.${consent.givenHow}`) });
  const withdraw = async () => {
    setAsking(false);
    try {
      await apiFetch(`/api/contact-consents/${consent.id}/withdraw`, { method: 'POST', body: {} });
      notify('app.organisations.withdrawn', { type: 'info' });
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
    onChange();
  };
  return (
    <li>
      <span style={consent.withdrawnAt ? { textDecoration: 'line-through' } : undefined}>{what}</span>: {state}
      {!consent.withdrawnAt && (
        <>
          {' '}
          <Button size="small" onClick={() => setAsking(true)}>
            {translate('app.organisations.withdraw')}
          </Button>
          <Confirm isOpen={asking} title="app.organisations.withdraw_title" content="app.organisations.withdraw_content" onConfirm={() => void withdraw()} onClose={() => setAsking(false)} />
        </>
      )}
    </li>
  );
}

function RecordConsent({ contact, onChange }: { contact: Contact; onChange: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const purposes = useChoices('consent_purpose', consentPurposes);
  const channels = useChoices('consent_channel', consentChannels);
  // The form's own record: without it the form would take the page's (the organisation) and send its fields.
  // Once per dialog: a new one at a re-render would reset the form and clear the API's field errors.
  const [defaults] = useState(() => ({ purpose: 'informationskampagnen', givenHow: 'schriftlich', givenOn: new Date().toISOString().slice(0, 10) }));
  const save = async (values: Record<string, unknown>) => {
    try {
      await apiFetch('/api/contact-consents', { method: 'POST', body: { contactId: contact.id, ...values } });
    } catch (err) {
      // The API's field errors show next to the fields; any other refusal as a message.
      const fields = submissionErrors(err);
      if (fields) return fields;
      notify((err as Error).message, { type: 'error' });
      return;
    }
    notify('app.organisations.recorded', { type: 'info' });
    setOpen(false);
    onChange();
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {translate('app.organisations.record_consent')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`einwilligung-${contact.id}`}>
        <Form onSubmit={save} record={defaults}>
          <DialogTitle id={`einwilligung-${contact.id}`}>
            {translate('app.organisations.record_consent')}: {contact.name}
          </DialogTitle>
          <DialogContent>
            <SelectInput source="purpose" resource="contact-consents" choices={purposes} isRequired fullWidth />
            <DateInput source="givenOn" resource="contact-consents" isRequired />
            <SelectInput source="givenHow" resource="contact-consents" choices={channels} isRequired />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained">
              {translate('ra.action.save')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}

/** An organisation's contact persons, each with what they agreed to be written to about. */
export function Contacts() {
  const organisation = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const { data: contacts = [], refetch: refetchContacts } = useGetList<Contact>('organisation-contacts', {
    filter: { organisationId: organisation?.id },
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const { data: consents = [], refetch } = useGetList<Consent>('contact-consents', {
    filter: { organisationId: organisation?.id },
    pagination: { page: 1, perPage: 500 },
  });
  const refresh = useRefresh();
  const changed = () => {
    void refetch();
    void refetchContacts();
    refresh();
  };
  if (!organisation) return null;
  return (
    <Box component="section" aria-labelledby="ansprechpersonen" sx={{ mt: 3 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2" id="ansprechpersonen">
          {translate('app.organisations.contacts')}
        </Typography>
        <CreateButton resource="organisation-contacts" state={{ record: { organisationId: organisation.id, language: 'de' } }} label="app.organisations.add_contact" />
      </Stack>
      {contacts.length === 0 && <Typography variant="body2">{translate('app.organisations.no_contacts')}</Typography>}
      {contacts.map((contact) => {
        const own = consents.filter((c) => c.contactId === contact.id);
        return (
          <Box key={contact.id} component="article" aria-label={contact.name} sx={{ borderTop: 1, borderColor: 'divider', py: 1.5 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="subtitle1" component="h3">
                {contact.name}
              </Typography>
              <RecordContextProvider value={contact}>
                <EditButton resource="organisation-contacts" />
              </RecordContextProvider>
            </Stack>
            <Typography variant="body2">
              {[contact.role, contact.email, contact.phone, `${translate('resources.organisation-contacts.fields.language')}: ${translate(`app.language.${contact.language}`, { _: contact.language })}`]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
            <Typography variant="body2" component="h4" sx={{ fontWeight: 600, mt: 1 }}>
              {translate('app.organisations.consents')}
            </Typography>
            {own.length === 0 ? (
              <Typography variant="body2">{translate('app.organisations.no_consents')}</Typography>
            ) : (
              <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                {own.map((c) => (
                  <ConsentLine key={c.id} consent={c} onChange={changed} />
                ))}
              </ul>
            )}
            <RecordConsent contact={contact} onChange={changed} />
          </Box>
        );
      })}
    </Box>
  );
}
