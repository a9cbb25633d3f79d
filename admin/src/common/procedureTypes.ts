import { useTranslate } from 'react-admin';
import { procedureTypeIds } from '../modules';

/** The procedure types as choices, named in the console's language (each module's messages). */
export function useProcedureTypeChoices(): { id: string; name: string }[] {
  const translate = useTranslate();
  return procedureTypeIds
    .map((id) => ({ id, name: translate(`app.procedure_types.${id}`, { _: id }) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function useProcedureTypeLabel(): (type: string) => string {
  const translate = useTranslate();
  return (type) => translate(`app.procedure_types.${type}`, { _: type });
}
