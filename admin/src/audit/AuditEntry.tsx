import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useCanAccess, useGetIdentity, useGetOne, useLocaleState, useResourceDefinitions, useTranslate } from 'react-admin';
import { accusative, type NameForms } from '../../../grammar/german';
import { PersonName } from '../common/PersonName';
import { useProcedureTypeLabel } from '../common/procedureTypes';

// One audit entry in people's words: its kind as a sentence's head, its subject and procedure by
// name with a link, its details as labelled facts. Codes, ids and JSON stay in the database.

export interface AuditRecord {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  onBehalfOfId: string | null;
  onBehalfOfName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  subjectName: string | null;
  subjectDepartment: NameForms | null;
  procedureId: string | null;
  procedureTitle: string | null;
  detail: Record<string, unknown> | null;
}

const audit = (filter: Record<string, unknown>) => `/audit?filter=${encodeURIComponent(JSON.stringify(filter))}`;
export const procedureLink = (id: string) => `/procedures/${encodeURIComponent(id)}/show`;

/** The kind's label: its own words, else "<record kind> angelegt/geändert/gelöscht" for master data. */
export function useKindLabel() {
  const translate = useTranslate();
  return (action: string) => {
    const own = translate(`app.audit_action.${action.replace(/\./g, '_')}`, { _: '' });
    if (own) return own;
    const [resource = '', verb = ''] = action.split('.');
    const what = translate(`resources.${resource}.name`, { smart_count: 1, _: translate('app.audit.record') });
    if (['created', 'updated', 'deleted'].includes(verb)) return translate(`app.audit.crud_${verb}`, { what });
    return translate('app.audit.other', { what });
  };
}

/** A person by name, linked to what they did; "Sie" is not a name, so oneself is named and marked. */
export function Person({ id, name }: { id: string; name: string | null }) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = id === identity?.id ? `${name ?? identity?.fullName ?? ''} (${translate('app.person.you')})` : name;
  return <Link to={audit({ actorId: id })}>{label ?? <PersonName id={id} />}</Link>;
}

export function Actor({ entry }: { entry: AuditRecord }) {
  const translate = useTranslate();
  if (!entry.actorId) return <span data-testid="audit-actor">{translate('app.audit.system')}</span>;
  return (
    <span data-testid="audit-actor">
      <Person id={entry.actorId} name={entry.actorName} />
      {entry.onBehalfOfId && (
        <>
          <br />
          <small>
            {translate('app.audit.on_behalf_of')} <Person id={entry.onBehalfOfId} name={entry.onBehalfOfName} />
          </small>
        </>
      )}
    </span>
  );
}

/** A module's record (a funding call, a study …) by the name its own resource gives it. */
function RecordName({ resource, id }: { resource: string; id: string }) {
  const translate = useTranslate();
  const resources = useResourceDefinitions();
  const known = resources[resource];
  const { canAccess } = useCanAccess({ resource, action: 'show' });
  const { data } = useGetOne<{ id: string } & Record<string, unknown>>(resource, { id }, { enabled: !!known && canAccess === true, retry: false });
  const kind = translate(`resources.${resource}.name`, { smart_count: 1, _: translate('app.audit.record') });
  const name = (data?.title ?? data?.name ?? data?.label ?? data?.subject) as string | undefined;
  const text = name ? `${kind}: ${name}` : kind;
  if (known?.hasShow && canAccess) return <Link to={`/${resource}/${encodeURIComponent(id)}/show`}>{text}</Link>;
  return <span>{text}</span>;
}

export function Subject({ entry }: { entry: AuditRecord }) {
  const translate = useTranslate();
  const name = entry.subjectName;
  const department = entry.subjectDepartment;
  // German names the department with its article ("Anfrage an das Jugendamt"); English by its name.
  const requestTo = translate('app.audit.request_to', { name: name ?? '', to_department: department ? accusative(department) : (name ?? '') });
  switch (entry.entityType) {
    case 'task':
      return <Link to={`/tasks/${encodeURIComponent(entry.entityId)}/show`}>{translate('app.audit.task', { name: name ?? '' })}</Link>;
    case 'procedure':
      return <Link to={procedureLink(entry.entityId)}>{name ?? translate('app.audit.a_procedure')}</Link>;
    case 'consultation_request':
      return entry.procedureId ? (
        <Link to={procedureLink(entry.procedureId)}>{requestTo}</Link>
      ) : (
        <span>{requestTo}</span>
      );
    case 'users':
      return name ? <Link to={audit({ actorId: entry.entityId })}>{translate('app.audit.user', { name })}</Link> : <span>{translate('app.audit.a_user')}</span>;
    case 'departments':
      return name ? (
        <Link to={`/consultation-requests?filter=${encodeURIComponent(JSON.stringify({ departmentId: entry.entityId }))}`}>{translate('app.audit.department', { name })}</Link>
      ) : (
        <span>{translate('app.audit.a_department')}</span>
      );
    case 'funding-feeds':
      return <span>{translate('app.audit.feed', { url: entry.entityId })}</span>;
    default:
      return <RecordName resource={entry.entityType} id={entry.entityId} />;
  }
}

// Details the log keeps for the machine (keys that make a retry idempotent, hashes, form kinds).
const TECHNICAL = new Set(['requestId', 'formKind', 'sha256', 'sourceId', 'actorId', 'onBehalfOfId', 'inboundMailId', 'noteId']);

export function Facts({ entry }: { entry: AuditRecord }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const typeLabel = useProcedureTypeLabel();
  const tag = locale === 'en' ? 'en-GB' : 'de-DE';
  const d = entry.detail ?? {};
  const facts: [string, ReactNode][] = [];
  for (const [key, value] of Object.entries(d)) {
    if (TECHNICAL.has(key) || value === null || value === undefined || value === '') continue;
    if (key === 'title' && value === entry.subjectName) continue;
    let shown: ReactNode;
    // "Von: Ihnen", "An: Sie".
    if (entry.action === 'task.reassigned' && (key === 'from' || key === 'to') && typeof value === 'string') shown = <PersonName id={value} dative={key === 'from'} />;
    else if (key === 'claimedBy' && typeof value === 'string') shown = <PersonName id={value} dative />;
    else if (key === 'type' && typeof value === 'string') shown = typeLabel(value);
    else if (key === 'by') shown = translate(`app.audit.started_by.${String(value)}`, { _: String(value) });
    else if (key === 'parentId' && typeof value === 'string') shown = <Link to={procedureLink(value)}>{translate('app.audit.parent_procedure')}</Link>;
    else if (key === 'channel') shown = translate(`app.channel.${String(value)}`, { _: String(value) });
    else if (key === 'reason' && entry.action === 'request.answer_rejected') shown = translate(`app.audit.rejection.${String(value)}`, { _: String(value) });
    else if (key === 'fields' && Array.isArray(value)) shown = value.map((f) => translate(`resources.${entry.entityType}.fields.${String(f)}`, { _: String(f) })).join(', ');
    else if (key === 'size' && typeof value === 'number') shown = `${(value / 1024).toLocaleString(tag, { maximumFractionDigits: 1 })} KB`;
    else if (key === 'resubmitAt' && typeof value === 'string') shown = new Date(value).toLocaleString(tag, { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });
    else if (key === 'sourceType') shown = translate(`app.knowledge_source.${String(value)}`, { _: String(value) });
    else if (Array.isArray(value)) shown = value.length === 0 ? translate('app.audit.none') : value.map(String).join(', ');
    else if (typeof value === 'object') continue;
    else shown = String(value);
    facts.push([translate(`app.audit_detail.${key}`, { _: translate('app.audit_detail.other') }), shown]);
  }
  if (facts.length === 0) return null;
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 1.5, m: 0, mt: 0.5 }} data-testid="audit-facts">
      {facts.map(([label, value], i) => (
        <Box key={i} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

export function Entry({ entry }: { entry: AuditRecord }) {
  const translate = useTranslate();
  const kind = useKindLabel();
  return (
    <Box sx={{ overflowWrap: 'anywhere' }}>
      <strong data-testid="audit-kind">{kind(entry.action)}</strong>
      {': '}
      <Subject entry={entry} />
      {entry.procedureId && entry.entityType !== 'procedure' && (
        <>
          {' · '}
          {translate('app.audit.in_procedure')} <Link to={procedureLink(entry.procedureId)}>{entry.procedureTitle ?? translate('app.audit.a_procedure')}</Link>
        </>
      )}
      <Facts entry={entry} />
    </Box>
  );
}
