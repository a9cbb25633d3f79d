import { useTranslate } from 'react-admin';
import { PersonName } from './PersonName';

/** Who holds the next task: a person by name, else the group by its role ("Gruppe Sachbearbeitung"). */
export function Responsible({ id, role }: { id: string | null | undefined; role: string | null | undefined }) {
  const translate = useTranslate();
  if (id) return <PersonName id={id} />;
  if (role) return <span>{translate('app.task.group', { role: translate(`app.role.${role}`, { _: role }) })}</span>;
  return <span>–</span>;
}
