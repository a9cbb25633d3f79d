import { useTranslate } from 'react-admin';
import { FactList } from '../../../admin/src/common/FactList';
import type { Task } from '../../../admin/src/tasks/taskApi';

export interface CaseContext {
  organisationName?: string;
  contactName?: string;
  email?: string;
  phone?: string | null;
  topics?: string[];
  request?: string;
}

/** Who asks, about what, in their own words: at the head of every task of the case. */
export function CaseFacts({ task }: { task: Task }) {
  const translate = useTranslate();
  const c = (task.context ?? {}) as CaseContext;
  return (
    <FactList
      rows={[
        ['app.advice.organisation', c.organisationName],
        ['app.advice.contact_name', c.contactName],
        ['app.advice.email', c.email],
        ['app.advice.phone', c.phone],
        ['app.advice.topics', (c.topics ?? []).map((t) => translate(`app.advice_topic.${t}`)).join(', ')],
        ['app.advice.request', c.request],
      ]}
    />
  );
}
