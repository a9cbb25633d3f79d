import { SelectInput, useTranslate } from 'react-admin';

/** "Überfällig: nur überfällige / nicht überfällige" in every list that knows a due date. */
export function OverdueFilter({ source }: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return (
    <SelectInput
      source={source}
      label="app.task.overdue_filter"
      choices={[
        { id: true, name: translate('app.task.only_overdue') },
        { id: false, name: translate('app.task.not_overdue') },
      ]}
    />
  );
}
